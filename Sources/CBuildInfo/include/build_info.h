#ifndef WOWGUARD_BUILD_INFO_H
#define WOWGUARD_BUILD_INFO_H
/* The commit the binary was built from (`make release` passes -DWOW_GUARD_COMMIT="…"). */
const char *wow_guard_build_commit(void);
#endif
