#pragma once

#include <QString>

namespace hookbench {

struct ReceiverConfig;

// `listen --tls-cert FILE --tls-key FILE`, or `--tls-self-signed`: puts HTTPS into config
// (see setUpTls). *notice: a line for stderr (where a self-signed certificate is, how to trust
// it). Returns the error, naming the option and file, or empty.
QString configureListenTls(const QString &certificatePath, const QString &keyPath, bool selfSigned,
                           ReceiverConfig *config, QString *notice);

} // namespace hookbench
