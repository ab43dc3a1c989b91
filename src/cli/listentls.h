#pragma once

#include <QString>

namespace hookbench {

struct ReceiverConfig;

// `listen --tls-cert FILE --tls-key FILE`, or `--tls-self-signed`: puts HTTPS into config.
// The self-signed certificate is made once and kept beside the event database (tls/, the key
// 0600) so a client told to trust it keeps trusting it; it is made again when it expires, or
// lacks the host listened on. *notice: a line for stderr (where the certificate is, how to
// trust it). Returns the error, naming the option and file, or empty.
QString configureListenTls(const QString &certificatePath, const QString &keyPath, bool selfSigned,
                           ReceiverConfig *config, QString *notice);

} // namespace hookbench
