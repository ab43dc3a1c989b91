#include "certificatetools.h"

#include <QHostAddress>

#include <openssl/bio.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <memory>

namespace hookbench {

namespace {

template<typename T, void (*Free)(T *)>
using Owned = std::unique_ptr<T, std::integral_constant<decltype(Free), Free>>;
using Key = Owned<EVP_PKEY, EVP_PKEY_free>;
using Certificate = Owned<X509, X509_free>;
using Bio = Owned<BIO, BIO_free_all>;
using Extension = Owned<X509_EXTENSION, X509_EXTENSION_free>;
using BigNumber = Owned<BIGNUM, BN_free>;

QString opensslError(const char *what)
{
    const unsigned long code = ERR_get_error();
    char text[256] = {};
    if (code != 0)
        ERR_error_string_n(code, text, sizeof text);
    ERR_clear_error();
    return QStringLiteral("%1 failed%2")
        .arg(QLatin1String(what), code ? QLatin1String(": ") + QLatin1String(text) : QString());
}

QByteArray bioBytes(BIO *bio)
{
    char *data = nullptr;
    const long size = BIO_get_mem_data(bio, &data);
    return QByteArray(data, int(size));
}

Bio memoryBio(const QByteArray &bytes)
{
    return Bio(BIO_new_mem_buf(bytes.constData(), int(bytes.size())));
}

bool addExtension(X509 *certificate, int nid, const QByteArray &value)
{
    X509V3_CTX context;
    X509V3_set_ctx_nodb(&context);
    X509V3_set_ctx(&context, certificate, certificate, nullptr, nullptr, 0);
    const Extension extension(X509V3_EXT_conf_nid(nullptr, &context, nid, value.constData()));
    return extension && X509_add_ext(certificate, extension.get(), -1) == 1;
}

QByteArray subjectAltNames(const QStringList &extraHosts)
{
    QStringList names{QStringLiteral("DNS:localhost"), QStringLiteral("IP:127.0.0.1"),
                      QStringLiteral("IP:::1")};
    for (const QString &host : extraHosts) {
        const QString entry = QHostAddress(host).isNull() ? QStringLiteral("DNS:") + host
                                                          : QStringLiteral("IP:") + host;
        if (!names.contains(entry))
            names.append(entry);
    }
    return names.join(QLatin1Char(',')).toLatin1();
}

} // namespace

GeneratedCertificate generateSelfSignedCertificate(const QStringList &extraHosts, int days)
{
    GeneratedCertificate result;
    for (const QString &host : extraHosts) {
        if (host.isEmpty() || host.contains(QLatin1Char(',')) || host.contains(QLatin1Char(' '))) {
            result.error = QStringLiteral("'%1' is no host name or address").arg(host);
            return result;
        }
    }
    const Key key(EVP_EC_gen("P-256"));
    const Certificate certificate(X509_new());
    const BigNumber serial(BN_new());
    if (!key || !certificate || !serial) {
        result.error = opensslError("creating the key");
        return result;
    }
    X509_NAME *name = X509_get_subject_name(certificate.get());
    const auto commonName = reinterpret_cast<const unsigned char *>("Hookbench local HTTPS");
    const bool built =
        X509_set_version(certificate.get(), 2) == 1 && // v3
        BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY) == 1 &&
        BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(certificate.get())) &&
        X509_gmtime_adj(X509_getm_notBefore(certificate.get()), -60) &&
        X509_gmtime_adj(X509_getm_notAfter(certificate.get()), long(days) * 24 * 3600) &&
        X509_set_pubkey(certificate.get(), key.get()) == 1 &&
        X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, commonName, -1, -1, 0) == 1 &&
        X509_set_issuer_name(certificate.get(), name) == 1 &&
        // Its own trust anchor, as `openssl req -x509` makes it, so --cacert accepts it.
        addExtension(certificate.get(), NID_basic_constraints, "critical,CA:TRUE") &&
        addExtension(certificate.get(), NID_key_usage, "critical,digitalSignature,keyCertSign") &&
        addExtension(certificate.get(), NID_ext_key_usage, "serverAuth") &&
        addExtension(certificate.get(), NID_subject_key_identifier, "hash") &&
        addExtension(certificate.get(), NID_subject_alt_name, subjectAltNames(extraHosts)) &&
        X509_sign(certificate.get(), key.get(), EVP_sha256()) > 0;
    if (!built) {
        result.error = opensslError("building the certificate");
        return result;
    }
    const Bio certificateBio(BIO_new(BIO_s_mem()));
    const Bio keyBio(BIO_new(BIO_s_mem()));
    if (!certificateBio || !keyBio ||
        PEM_write_bio_X509(certificateBio.get(), certificate.get()) != 1 ||
        PEM_write_bio_PrivateKey(keyBio.get(), key.get(), nullptr, nullptr, 0, nullptr, nullptr) !=
            1) {
        result.error = opensslError("writing PEM");
        return result;
    }
    result.certificatePem = bioBytes(certificateBio.get());
    result.keyPem = bioBytes(keyBio.get());
    return result;
}

bool privateKeyMatches(const QByteArray &certificatePem, const QByteArray &keyPem)
{
    const Bio certificateBio = memoryBio(certificatePem);
    const Bio keyBio = memoryBio(keyPem);
    const Certificate certificate(
        PEM_read_bio_X509(certificateBio.get(), nullptr, nullptr, nullptr));
    const Key key(PEM_read_bio_PrivateKey(keyBio.get(), nullptr, nullptr, nullptr));
    const bool matches =
        certificate && key && X509_check_private_key(certificate.get(), key.get()) == 1;
    ERR_clear_error();
    return matches;
}

} // namespace hookbench
