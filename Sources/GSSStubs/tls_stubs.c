/* libgit2's static archive is built with mbedTLS, and git_libgit2_init() loads the system's CA
 * bundle (/etc/ssl/certs/ca-certificates.crt) for HTTPS remotes: about 51 million instructions of
 * base64 and X.509 parsing, half of a pre-commit run in a 27,000-file repository. wow-guard opens
 * no network connection, so the static release build links with
 *   -Xlinker --wrap=mbedtls_x509_crt_parse_file -Xlinker --wrap=mbedtls_x509_crt_parse_path
 * (Makefile), which sends libgit2's two calls here: no certificate is loaded, and a TLS connection,
 * were one ever made, would fail verification rather than succeed unverified. */
struct mbedtls_x509_crt;
int __wrap_mbedtls_x509_crt_parse_file(struct mbedtls_x509_crt *chain, const char *path) {
    (void)chain; (void)path;
    return 0;
}
int __wrap_mbedtls_x509_crt_parse_path(struct mbedtls_x509_crt *chain, const char *path) {
    (void)chain; (void)path;
    return 0;
}
