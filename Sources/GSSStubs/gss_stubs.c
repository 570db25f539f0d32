/* libgit2's static archive references GSSAPI for HTTP "Negotiate" authentication, which
 * wow-guard never uses (it performs no network operations). Debian ships no static GSSAPI, so
 * these stubs satisfy the linker; each reports failure if ever called. */
#include <stdint.h>
#include <stddef.h>
typedef uint32_t OM_uint32;
#define STUB_FAILURE ((OM_uint32)13u << 16) /* GSS_S_FAILURE */
typedef struct { OM_uint32 length; void *elements; } stub_oid_desc;
static stub_oid_desc stub_hostbased = {0, NULL};
void *GSS_C_NT_HOSTBASED_SERVICE = &stub_hostbased;
OM_uint32 gss_delete_sec_context(OM_uint32 *m, void *c, void *t) { if (m) *m = 0; return STUB_FAILURE; }
OM_uint32 gss_release_buffer(OM_uint32 *m, void *b) { if (m) *m = 0; return 0; }
OM_uint32 gss_release_oid_set(OM_uint32 *m, void *s) { if (m) *m = 0; return 0; }
OM_uint32 gss_release_name(OM_uint32 *m, void *n) { if (m) *m = 0; return 0; }
OM_uint32 gss_init_sec_context(OM_uint32 *m, ...) { if (m) *m = 0; return STUB_FAILURE; }
OM_uint32 gss_indicate_mechs(OM_uint32 *m, void *s) { if (m) *m = 0; return STUB_FAILURE; }
OM_uint32 gss_import_name(OM_uint32 *m, void *a, void *b, void *c) { if (m) *m = 0; return STUB_FAILURE; }
OM_uint32 gss_display_status(OM_uint32 *m, OM_uint32 a, int b, void *c, OM_uint32 *d, void *e) { if (m) *m = 0; return STUB_FAILURE; }
