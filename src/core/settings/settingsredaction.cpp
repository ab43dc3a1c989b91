#include "settingsredaction.h"

#include <QStringList>

namespace hookbench {

RedactedSettings redactSecret(const QByteArray &original, const QByteArray &secret)
{
    RedactedSettings result;
    if (secret.isEmpty() || secret == SecretPlaceholder) {
        result.bytes = original;
        return result;
    }
    result.bytes.reserve(original.size());
    qsizetype from = 0;
    for (qsizetype at = original.indexOf(secret); at >= 0; at = original.indexOf(secret, from)) {
        result.bytes.append(original.constData() + from, at - from);
        result.bytes.append(SecretPlaceholder.data(), SecretPlaceholder.size());
        result.offsets.append(at);
        from = at + secret.size();
    }
    result.bytes.append(original.constData() + from, original.size() - from);
    return result;
}

QByteArray restoreSecret(const RedactedSettings &redacted, const QByteArray &secret)
{
    QByteArray original;
    original.reserve(redacted.bytes.size() + redacted.offsets.size() * secret.size());
    qsizetype from = 0; // in the redacted bytes
    for (const qint64 at : redacted.offsets) {
        // original[0, size) is rebuilt from redacted[0, from): the rest lines up from there.
        const qsizetype redactedAt = from + (qsizetype(at) - original.size());
        const qsizetype copied = redactedAt - from;
        if (copied < 0 || redactedAt + SecretPlaceholder.size() > redacted.bytes.size())
            return {}; // offsets that do not fit these bytes
        original.append(redacted.bytes.constData() + from, copied);
        original.append(secret);
        from = redactedAt + SecretPlaceholder.size();
    }
    original.append(redacted.bytes.constData() + from, redacted.bytes.size() - from);
    return original;
}

QString offsetsToText(const QList<qint64> &offsets)
{
    if (offsets.isEmpty())
        return QStringLiteral(""); // not null: the column is NOT NULL
    QStringList parts;
    parts.reserve(offsets.size());
    for (const qint64 offset : offsets)
        parts.append(QString::number(offset));
    return parts.join(QLatin1Char(','));
}

bool offsetsFromText(const QString &text, QList<qint64> *offsets)
{
    offsets->clear();
    if (text.isEmpty())
        return true;
    for (const QString &part : text.split(QLatin1Char(','))) {
        bool ok = false;
        const qint64 offset = part.toLongLong(&ok);
        if (!ok || offset < 0 || (!offsets->isEmpty() && offset <= offsets->last()))
            return false;
        offsets->append(offset);
    }
    return true;
}

} // namespace hookbench
