#ifndef WOWGUARD_CPCRE2_SHIM_H
#define WOWGUARD_CPCRE2_SHIM_H
#define PCRE2_CODE_UNIT_WIDTH 8
#include <pcre2.h>

/* Function-like and cast macros are not visible to Swift; re-export them. */
static inline size_t wg_pcre2_unset(void) { return PCRE2_UNSET; }
static inline size_t wg_pcre2_zero_terminated(void) { return PCRE2_ZERO_TERMINATED; }
#endif
