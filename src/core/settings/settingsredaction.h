#pragma once

#include <QByteArray>
#include <QList>
#include <QString>

namespace hookbench {

// A settings file carries its account's SDK key (`sdkKey`), a credential that must never reach
// the database. The history keeps the file with every occurrence of the key replaced by
// "REDACTED" (still valid JSON, fine to show and diff) and where the key stood, so the exact
// bytes come back whenever the key is known.
struct RedactedSettings
{
    QByteArray bytes;      // the file with the key replaced
    QList<qint64> offsets; // where each occurrence started in the original, ascending
};

constexpr QByteArrayView SecretPlaceholder("REDACTED");

RedactedSettings redactSecret(const QByteArray &original, const QByteArray &secret);
QByteArray restoreSecret(const RedactedSettings &redacted, const QByteArray &secret);

// "12,480" and back; an empty list is "". Text that is no such list: false.
QString offsetsToText(const QList<qint64> &offsets);
bool offsetsFromText(const QString &text, QList<qint64> *offsets);

} // namespace hookbench
