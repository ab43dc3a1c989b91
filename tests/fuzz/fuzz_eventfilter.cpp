// The event log's filter language: anything a user can type into the filter box or pass to
// `hookbench-cli events --filter`.
#include "events/event.h"
#include "events/eventfilter.h"
#include "fuzzcheck.h"

using namespace hookbench;

namespace {

const QDateTime &now()
{
    static const QDateTime value = QDateTime::fromMSecsSinceEpoch(1'790'000'000'000, Qt::UTC);
    return value;
}

Event sampleEvent()
{
    Event event;
    event.id = 7;
    event.receivedAt = now().addSecs(-90);
    event.method = "POST";
    event.path = "/vwo-webhook";
    event.query = "a=1";
    event.headers = {{"content-type", "application/json"}, {"x-vwo-auth", "k"}};
    event.body = R"({"timestamp":1,"event":"settings_changed"})";
    event.remoteAddress = QStringLiteral("127.0.0.1");
    event.status = 200;
    event.valid = true;
    return event;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QString text = QString::fromUtf8(fuzz::bytes(data, size));
    const EventFilter filter = EventFilter::parse(text);
    FUZZ_CHECK(filter.isValid() == filter.error().message.isEmpty(), filter.error().message);
    if (!filter.isValid()) {
        FUZZ_CHECK(filter.error().position <= text.size(), filter.error().message);
        return 0;
    }
    const EventFilter::Sql sql = filter.compile(now());
    FUZZ_CHECK(sql.where.count(QLatin1Char('?')) == sql.values.size(), sql.where);
    static const Event event = sampleEvent();
    filter.matches(event, now());

    // The canonical form means the same filter: it parses, to the same canonical form.
    const QString canonical = filter.toString();
    const EventFilter again = EventFilter::parse(canonical);
    FUZZ_CHECK(again.isValid() && again.toString() == canonical,
               text + QStringLiteral(" -> ") + canonical + QStringLiteral(" -> ") +
                   (again.isValid() ? again.toString() : again.error().message));
    return 0;
}
