// The webhook payload validator: any body a sender can post.
#include "fuzzcheck.h"
#include "receiver/webhookvalidator.h"

#include <QJsonDocument>
#include <QJsonObject>

using namespace hookbench;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArray body = fuzz::bytes(data, size);
    const ValidationResult result = validateWebhookPayload(body);
    FUZZ_CHECK(result.valid == result.error.isEmpty(), result.error);
    if (!result.valid)
        return 0;
    // Valid means what the receiver then relies on: an object with the four fields typed.
    const QJsonObject object = QJsonDocument::fromJson(body).object();
    FUZZ_CHECK(object.value(QLatin1String("event")).isString() &&
                   object.value(QLatin1String("action")).isString() &&
                   object.value(QLatin1String("triggered_by")).isString(),
               QString::fromUtf8(body.left(200)));
    FUZZ_CHECK(qAbs(result.timestamp) <= (qint64(1) << 53), QString::number(result.timestamp));
    return 0;
}
