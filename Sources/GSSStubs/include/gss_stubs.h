/* No public API: link-time stubs only (see gss_stubs.c). */
