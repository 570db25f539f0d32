#ifndef WOWGUARD_CLIBGIT2_SHIM_H
#define WOWGUARD_CLIBGIT2_SHIM_H
#include <git2.h>
#include <git2/sys/repository.h>
/* Linked statically (see Package.swift): loading libgit2.so and its ~20 dependencies costs ~1.8 ms
 * at every start, which the agent hook cannot afford; git_libgit2_init runs only in git commands. */

/* git_libgit2_opts is variadic, which Swift cannot call. Objects read from the object database are
 * not re-hashed (git does not either; fsck does): SHA-1 of every tree read was ~10 % of a
 * pre-commit in a 27,000-file repository. */
static inline int wowguard_disable_strict_hash_verification(void) {
    return git_libgit2_opts(GIT_OPT_ENABLE_STRICT_HASH_VERIFICATION, 0);
}
#endif
