#pragma once

#include <QByteArray>
#include <QString>

namespace hookbench {

// What checkSettingsFile() found. On failure only `error` is meaningful.
struct SettingsFileCheck
{
    bool ok = false;
    // What was wrong and where: "malformed JSON at line 3, column 7: …" or a JSON path,
    // "campaigns[3].variations[1].weight: expected a number or a numeric string, found true".
    QString error;
    QString accountId; // as text, whether the file has a number or a string
    QString version;   // the file's `version`, as text
    int campaignCount = 0;
    QByteArray sdkKey; // the file's own `sdkKey` (a credential: redact it wherever it goes)
};

// Checks a classic VWO FullStack settings file (DESIGN.md §1) the way the SDKs validate it, a
// little stricter where a file the SDKs accept would still break them (variable types, groups).
// Unknown keys are always allowed; an empty collection may be {} or []. Stops at the first
// problem. v2 (FME) files with `features` are not classic files and are refused.
SettingsFileCheck checkSettingsFile(const QByteArray &bytes);

} // namespace hookbench
