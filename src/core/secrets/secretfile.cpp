#include "secrets/secretfile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QLockFile>
#include <QSaveFile>

#include <cerrno>
#include <sys/stat.h>
#include <unistd.h>

namespace hookbench {

namespace {

// umask is process-wide; it is narrowed only around the calls that create the folder and the
// temporary file, so that neither exists for an instant with wider permissions (a reader who
// opened the file in that instant would keep its descriptor and read the secrets written later).
class PrivateUmask
{
public:
    PrivateUmask()
        : m_old(::umask(077))
    {}
    ~PrivateUmask() { ::umask(m_old); }
    PrivateUmask(const PrivateUmask &) = delete;
    PrivateUmask &operator=(const PrivateUmask &) = delete;

private:
    mode_t m_old;
};

QString octal(mode_t mode)
{
    return QStringLiteral("%1").arg(uint(mode), 4, 8, QLatin1Char('0'));
}

// Line and column (1-based) of a byte offset, for JSON errors.
QString where(const QByteArray &data, int offset)
{
    int line = 1;
    int column = 1;
    for (int i = 0; i < offset && i < data.size(); ++i) {
        if (data.at(i) == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    }
    return SecretFile::tr("line %1, column %2").arg(line).arg(column);
}

constexpr QFileDevice::Permissions OwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

} // namespace

SecretFile::SecretFile(QString path)
    : m_path(std::move(path))
{}

bool SecretFile::exists() const
{
    return QFileInfo::exists(m_path);
}

QString SecretFile::load(Secrets *secrets) const
{
    secrets->clear();
    struct stat st
    {
    };
    if (::stat(QFile::encodeName(m_path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return {};
        return tr("Cannot read the secrets file %1: %2").arg(m_path, qt_error_string(errno));
    }
    if (!S_ISREG(st.st_mode))
        return tr("The secrets file %1 is not a regular file").arg(m_path);
    if (st.st_uid != ::geteuid())
        return tr("The secrets file %1 belongs to another user (uid %2); it must be yours")
            .arg(m_path)
            .arg(st.st_uid);
    const mode_t mode = st.st_mode & 07777;
    if (mode != 0600)
        return tr("The secrets file %1 has mode %2, but it must be 0600 (only you can read it). "
                  "Its secrets may have been exposed; replace them, then run: chmod 600 %1")
            .arg(m_path, octal(mode));

    QFile file(m_path);
    if (!file.open(QIODevice::ReadOnly))
        return tr("Cannot read the secrets file %1: %2").arg(m_path, file.errorString());
    const QByteArray data = file.readAll();
    if (file.error() != QFileDevice::NoError)
        return tr("Cannot read the secrets file %1: %2").arg(m_path, file.errorString());

    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(data, &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return tr("The secrets file %1 is not valid JSON (%2: %3); it was left unchanged")
            .arg(m_path, where(data, parseError.offset), parseError.errorString());
    if (!doc.isObject())
        return tr("The secrets file %1 must hold a JSON object (name: base64 secret); "
                  "it was left unchanged")
            .arg(m_path);
    const QJsonObject object = doc.object();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const auto decoded = QByteArray::fromBase64Encoding(
            it.value().toString().toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
        if (!it.value().isString() || !decoded)
            return tr("The secrets file %1: the entry \"%2\" is not a base64 string; "
                      "the file was left unchanged")
                .arg(m_path, it.key());
        secrets->insert(it.key(), decoded.decoded);
    }
    return {};
}

QString SecretFile::save(const Secrets &secrets)
{
    QJsonObject object;
    for (auto it = secrets.begin(); it != secrets.end(); ++it)
        object.insert(it.key(), QString::fromLatin1(it.value().toBase64()));

    QSaveFile file(m_path);
    {
        PrivateUmask umask;
        if (!file.open(QIODevice::WriteOnly))
            return tr("Cannot write the secrets file %1: %2").arg(m_path, file.errorString());
    }
    // Before any content: the temporary file must be 0600 whatever the umask made it.
    if (!file.setPermissions(OwnerOnly))
        return tr("Cannot make the secrets file %1 private: %2").arg(m_path, file.errorString());
    file.write(QJsonDocument(object).toJson(QJsonDocument::Indented));
    if (!file.commit())
        return tr("Cannot write the secrets file %1: %2").arg(m_path, file.errorString());
    return {};
}

QString SecretFile::read(const QString &name, QByteArray *secret, bool *found) const
{
    *found = false;
    Secrets secrets;
    if (const QString error = load(&secrets); !error.isEmpty())
        return error;
    const auto it = secrets.constFind(name);
    if (it == secrets.constEnd())
        return {};
    *found = true;
    *secret = it.value();
    return {};
}

QString SecretFile::ensureFolder() const
{
    const QString dir = QFileInfo(m_path).absolutePath();
    if (QFileInfo::exists(dir))
        return {};
    PrivateUmask umask; // new folders are 0700; mkpath makes the missing parents too
    if (!QDir().mkpath(dir))
        return tr("Cannot create the folder %1 for the secrets file").arg(dir);
    return {};
}

QString SecretFile::write(const QString &name, const QByteArray &secret)
{
    if (const QString error = ensureFolder(); !error.isEmpty())
        return error;
    // Read-modify-write: the lock keeps the GUI and the CLI from losing each other's updates.
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(5000))
        return tr("The secrets file %1 is locked by another process (%2.lock)").arg(m_path, m_path);
    Secrets secrets;
    if (const QString error = load(&secrets); !error.isEmpty())
        return error;
    secrets.insert(name, secret);
    return save(secrets);
}

QString SecretFile::remove(const QString &name, bool *removed)
{
    if (removed)
        *removed = false;
    if (!exists())
        return {};
    QLockFile lock(m_path + QStringLiteral(".lock"));
    if (!lock.tryLock(5000))
        return tr("The secrets file %1 is locked by another process (%2.lock)").arg(m_path, m_path);
    Secrets secrets;
    if (const QString error = load(&secrets); !error.isEmpty())
        return error;
    if (secrets.remove(name) == 0)
        return {};
    if (removed)
        *removed = true;
    return save(secrets);
}

} // namespace hookbench
