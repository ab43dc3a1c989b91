#include "keysecret.h"

#include <cctype>

#include <QRandomGenerator>

#include <array>

namespace hookbench::webhookkey {

namespace {

const QLatin1String Rule("keys are 16 to 256 printable ASCII characters without spaces");

QString describeByte(unsigned char c)
{
    if (c == ' ')
        return QStringLiteral("a space");
    if (c == '\t')
        return QStringLiteral("a tab");
    if (c == '\n' || c == '\r')
        return QStringLiteral("a line break");
    if (c < 0x20 || c == 0x7F)
        return QStringLiteral("a control character (0x%1)").arg(c, 2, 16, QLatin1Char('0'));
    return QStringLiteral("not ASCII (byte 0x%1)").arg(c, 2, 16, QLatin1Char('0'));
}

} // namespace

QByteArray generate()
{
    std::array<quint32, GeneratedBytes / 4> words;
    QRandomGenerator::system()->fillRange(words.data(), words.size());
    QByteArray raw(reinterpret_cast<const char *>(words.data()), GeneratedBytes);
    const QByteArray hex = raw.toHex();
    raw.fill('\0');
    words.fill(0);
    return hex;
}

QString checkImported(QByteArrayView key)
{
    if (key.isEmpty())
        return QStringLiteral("the key is empty (") + Rule + QLatin1Char(')');
    for (qsizetype i = 0; i < key.size(); ++i) {
        const auto c = static_cast<unsigned char>(key[i]);
        if (c < 0x21 || c > 0x7E) {
            return QStringLiteral("character %1 is %2 (").arg(i + 1).arg(describeByte(c)) + Rule +
                   QLatin1Char(')');
        }
    }
    if (key.size() < MinImportLength) {
        return QStringLiteral("the key is %1 characters long, too short (").arg(key.size()) + Rule +
               QLatin1Char(')');
    }
    if (key.size() > MaxImportLength) {
        return QStringLiteral("the key is %1 characters long, too long (").arg(key.size()) + Rule +
               QLatin1Char(')');
    }
    return {};
}

QString checkEndpoint(const QString &endpoint)
{
    if (endpoint.isEmpty())
        return QStringLiteral("the endpoint name is empty");
    if (endpoint.size() > 64)
        return QStringLiteral("the endpoint name is longer than 64 characters");
    for (qsizetype i = 0; i < endpoint.size(); ++i) {
        const QChar c = endpoint.at(i);
        const bool ok = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) ||
                        (c >= QLatin1Char('A') && c <= QLatin1Char('Z')) ||
                        (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('.') ||
                        c == QLatin1Char('_') || c == QLatin1Char('-');
        if (!ok) {
            return QStringLiteral("character %1 of the endpoint name '%2' is not allowed "
                                  "(letters, digits, '.', '_' and '-')")
                .arg(i + 1)
                .arg(endpoint);
        }
    }
    return {};
}

QString checkLabel(const QString &label)
{
    if (label.size() > MaxLabelLength)
        return QStringLiteral("the label is longer than %1 characters").arg(MaxLabelLength);
    for (qsizetype i = 0; i < label.size(); ++i) {
        if (label.at(i).category() == QChar::Other_Control)
            return QStringLiteral("character %1 of the label is a control character").arg(i + 1);
    }
    return {};
}

QString secretName(const QString &endpoint, const QString &id)
{
    return QLatin1String("webhook-key/") + endpoint + QLatin1Char('/') + id;
}

namespace {
constexpr QByteArrayView RedactedPrefix("[redacted; fingerprint ");
} // namespace

QByteArray redactedHeader(const QString &fingerprint)
{
    return RedactedPrefix.toByteArray() + fingerprint.toLatin1() + ']';
}

QString redactedFingerprint(QByteArrayView value)
{
    if (!value.startsWith(RedactedPrefix) || !value.endsWith(']'))
        return {};
    const QByteArrayView id =
        value.sliced(RedactedPrefix.size(), value.size() - RedactedPrefix.size() - 1);
    for (const char c : id) {
        if (!std::isxdigit(static_cast<unsigned char>(c)))
            return {};
    }
    return QString::fromLatin1(id);
}

} // namespace hookbench::webhookkey
