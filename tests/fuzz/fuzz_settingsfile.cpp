// The settings-file checker, the change summary and the SDK-key redaction: any bytes a
// settings-file host (or an import) can hand us.
#include "fuzzcheck.h"
#include "settings/settingsfile.h"
#include "settings/settingsredaction.h"
#include "settings/settingssummary.h"

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray bytes = fuzz::bytes(data, size);
    const SettingsFileCheck check = checkSettingsFile(bytes);
    FUZZ_CHECK(check.ok == check.error.isEmpty(), check.error);
    if (check.ok)
        FUZZ_CHECK(check.campaignCount >= 0, QString::number(check.campaignCount));

    // The history stores the file redacted and must give back the exact bytes: with the file's
    // own key when it has one, else with a key taken from its first bytes.
    const QByteArray secret = !check.sdkKey.isEmpty() ? check.sdkKey : bytes.left(3);
    if (!secret.isEmpty()) {
        const RedactedSettings redacted = redactSecret(bytes, secret);
        FUZZ_CHECK(!redacted.bytes.contains(secret) || secret.contains(SecretPlaceholder) ||
                       QByteArray(SecretPlaceholder.data()).contains(secret) ||
                       !redacted.offsets.isEmpty(),
                   QString::fromUtf8(secret));
        FUZZ_CHECK(restoreSecret(redacted, secret) == bytes, QString::fromUtf8(secret));
        QList<qint64> offsets;
        FUZZ_CHECK(offsetsFromText(offsetsToText(redacted.offsets), &offsets) &&
                       offsets == redacted.offsets,
                   offsetsToText(redacted.offsets));
    }

    // The summary shown for a new version compares it with the one before: here with the file
    // cut in half, and with itself.
    summarizeSettingsChange(bytes.left(bytes.size() / 2), bytes);
    summarizeSettingsChange(bytes, bytes);
    return 0;
}
