#include "build_info.h"
/* `make release` writes wow_guard_commit.h into .build/buildinfo (on the include path). */
#if defined(__has_include)
#if __has_include("wow_guard_commit.h")
#include "wow_guard_commit.h"
#endif
#endif
#ifndef WOW_GUARD_COMMIT
#define WOW_GUARD_COMMIT "unknown"
#endif
const char *wow_guard_build_commit(void) { return WOW_GUARD_COMMIT; }
