#include "keyverifier.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>

namespace hookbench {

namespace {

// A key file is a handful of lines; refuse to slurp /dev/zero or a log by mistake.
constexpr qint64 MaxKeyFileBytes = 1024 * 1024;

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

} // namespace

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    // Loop over the longer input so the time depends only on the lengths, never
    // on where (or whether) the contents differ; a length mismatch is folded in.
    const qsizetype length = qMax(a.size(), b.size());
    quint64 diff = quint64(a.size()) ^ quint64(b.size());
    unsigned char acc = 0;
    for (qsizetype i = 0; i < length; ++i) {
        const unsigned char x = i < a.size() ? static_cast<unsigned char>(a[i]) : 0;
        const unsigned char y = i < b.size() ? static_cast<unsigned char>(b[i]) : 0;
        acc |= static_cast<unsigned char>(x ^ y);
    }
    diff |= acc;
    return diff == 0;
}

StaticKeyVerifier::StaticKeyVerifier(QList<QByteArray> keys)
    : m_keys(std::move(keys))
{
    m_ids.reserve(m_keys.size());
    for (const QByteArray &key : std::as_const(m_keys))
        m_ids.append(fingerprint(key));
}

AuthResult StaticKeyVerifier::verify(QByteArrayView header, bool present) const
{
    AuthResult result;
    if (m_keys.isEmpty())
        return result; // NotRequired
    if (!present) {
        result.outcome = AuthOutcome::Missing;
        return result;
    }
    if (header.isEmpty()) {
        result.outcome = AuthOutcome::Failed;
        return result;
    }
    // Compare with every key without stopping early, so timing does not reveal
    // which key (or how many keys) matched.
    qsizetype matched = -1;
    for (qsizetype i = 0; i < m_keys.size(); ++i) {
        const qsizetype equal = constantTimeEquals(header, m_keys.at(i)) ? 1 : 0;
        const qsizetype mask = -equal; // all ones when equal, else zero
        matched = (i & mask) | (matched & ~mask);
    }
    if (matched < 0) {
        result.outcome = AuthOutcome::Failed;
        return result;
    }
    result.outcome = AuthOutcome::Ok;
    result.keyId = m_ids.at(matched);
    return result;
}

QString StaticKeyVerifier::fingerprint(QByteArrayView key)
{
    const QByteArray digest = QCryptographicHash::hash(key, QCryptographicHash::Sha256);
    return QString::fromLatin1(digest.toHex().left(12));
}

KeyLoadResult loadKeyFile(const QString &path)
{
    KeyLoadResult result;
    const QString cannotRead = QStringLiteral("cannot read key file ") + path + QLatin1String(": ");
    const QFileInfo info(path);
    if (info.isDir()) {
        result.error = cannotRead + QStringLiteral("is a directory");
        return result;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        result.error = cannotRead + file.errorString();
        return result;
    }
    const QByteArray data = file.read(MaxKeyFileBytes + 1);
    if (file.error() != QFileDevice::NoError) {
        result.error = cannotRead + file.errorString();
        return result;
    }
    if (data.size() > MaxKeyFileBytes) {
        result.error = cannotRead + QStringLiteral("larger than 1 MiB, not a key file");
        return result;
    }

    const QList<QByteArray> lines = data.split('\n');
    for (qsizetype n = 0; n < lines.size(); ++n) {
        QByteArray line = lines.at(n);
        if (n == 0 && line.startsWith("\xEF\xBB\xBF"))
            line.remove(0, 3); // editors on some platforms add a UTF-8 BOM
        qsizetype indent = 0;
        while (indent < line.size() && isSpace(line.at(indent)))
            ++indent;
        line = line.trimmed();
        if (line.isEmpty() || line.startsWith('#'))
            continue;
        // Name the line and column, never the key: the file holds secrets.
        const QString where = QStringLiteral("key file %1, line %2: ").arg(path).arg(n + 1);
        for (qsizetype i = 0; i < line.size(); ++i) {
            const char c = line.at(i);
            if (isSpace(c)) {
                result.error = where + QStringLiteral("whitespace inside a key at column %1 "
                                                      "(write one key per line)")
                                           .arg(indent + i + 1);
                return {{}, result.error};
            }
            if (c < 0x21 || c > 0x7E) {
                result.error = where + QStringLiteral("non-printable or non-ASCII character at "
                                                      "column %1 (keys are printable ASCII)")
                                           .arg(indent + i + 1);
                return {{}, result.error};
            }
        }
        result.keys.append(line);
    }
    if (result.keys.isEmpty())
        result.error =
            QStringLiteral("key file %1 contains no keys (only blank or '#' lines)").arg(path);
    return result;
}

QList<QByteArray> parseKeyList(const QByteArray &text)
{
    QList<QByteArray> keys;
    QByteArray current;
    for (char c : text) {
        if (c == ',' || isSpace(c)) {
            if (!current.isEmpty())
                keys.append(current);
            current.clear();
        } else {
            current.append(c);
        }
    }
    if (!current.isEmpty())
        keys.append(current);
    return keys;
}

} // namespace hookbench
