#include "clikeyring.h"

#include <QDir>
#include <QFileInfo>

namespace hookbench::cli {

QCommandLineOption secretsFileOption()
{
    return QCommandLineOption(
        QStringLiteral("secrets-file"),
        QStringLiteral("Keep key values in FILE (mode 0600) instead of the system keychain "
                       "(also: the HOOKBENCH_SECRETS_FILE environment variable). For tests and "
                       "servers without a keychain."),
        QStringLiteral("FILE"));
}

SecretStore::Options secretStoreOptions(const QString &secretsFile)
{
    SecretStore::Options options;
    const QString file = secretsFile.isEmpty()
                             ? QString::fromLocal8Bit(qgetenv("HOOKBENCH_SECRETS_FILE"))
                             : secretsFile;
    if (!file.isEmpty()) {
        options.useKeychain = false;
        options.fallbackPath = QFileInfo(file).absoluteFilePath();
    }
    return options;
}

QString fileFallbackWarning(const SecretStore &store)
{
    if (store.backend() != SecretStore::Backend::File)
        return {};
    return QStringLiteral("warning: key values are kept in %1 (readable only by you), not in the "
                          "system keychain (%2)")
        .arg(QDir::toNativeSeparators(store.fallbackPath()), store.fallbackReason());
}

} // namespace hookbench::cli
