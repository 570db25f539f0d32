#ifndef WOWGUARD_CLIBGIT2_SHIM_H
#define WOWGUARD_CLIBGIT2_SHIM_H
#include <git2.h>
/* Linked statically (see Package.swift): loading libgit2.so and its ~20 dependencies costs ~1.8 ms
 * at every start, which the agent hook cannot afford; git_libgit2_init runs only in git commands. */
#endif
