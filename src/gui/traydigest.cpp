#include "traydigest.h"

#include "eventdetailtext.h"

#include <QLocale>
#include <QStringList>

namespace hookbench {

TrayDigest::Problem TrayDigest::problem(const Event &event)
{
    // A refused key comes first: it is what VWO sees (401), whatever the payload was.
    if (event.auth == AuthOutcome::Failed)
        return Problem::WrongKey;
    if (event.auth == AuthOutcome::Missing)
        return Problem::MissingKey;
    if (!event.valid && EventDetailText::payloadChecked(event))
        return Problem::InvalidPayload;
    return Problem::None;
}

void TrayDigest::setEnabled(bool enabled)
{
    m_enabled = enabled;
    if (!enabled) {
        m_pending.fill(0);
        m_pendingTotal = 0;
        m_last = Event();
    }
}

std::optional<TrayMessage> TrayDigest::add(const QList<Event> &events, qint64 nowMs)
{
    if (!m_enabled)
        return std::nullopt;
    for (const Event &event : events) {
        const Problem why = problem(event);
        if (why == Problem::None)
            continue;
        ++m_pending[size_t(why)];
        ++m_pendingTotal;
        m_last = event;
    }
    return flush(nowMs);
}

std::optional<TrayMessage> TrayDigest::flush(qint64 nowMs)
{
    if (!m_enabled || m_pendingTotal == 0 || (m_shown && nowMs - m_shownAtMs < IntervalMs))
        return std::nullopt;
    return take(nowMs);
}

qint64 TrayDigest::flushDueMs() const
{
    if (m_pendingTotal == 0)
        return -1;
    return m_shown ? m_shownAtMs + IntervalMs : 0;
}

TrayMessage TrayDigest::take(qint64 nowMs)
{
    TrayMessage message;
    message.eventId = m_last.id;
    message.count = m_pendingTotal;
    if (m_pendingTotal == 1) {
        message.title = tr("Failed request");
        const QString from =
            m_last.remoteAddress.isEmpty() ? tr("an unknown address") : m_last.remoteAddress;
        // One arg() call: a '%' in the path must not be taken for a placeholder.
        message.text = tr("%1 %2 from %3: %4")
                           .arg(QString::fromLatin1(m_last.method), QString::fromUtf8(m_last.path),
                                from, reason(problem(m_last), m_last));
    } else {
        message.title = tr("Failed requests");
        const QLocale locale;
        QStringList parts;
        if (const int n = m_pending[size_t(Problem::WrongKey)])
            parts << tr("%1 with a wrong x-vwo-auth").arg(locale.toString(n));
        if (const int n = m_pending[size_t(Problem::MissingKey)])
            parts << tr("%1 without x-vwo-auth").arg(locale.toString(n));
        if (const int n = m_pending[size_t(Problem::InvalidPayload)])
            parts << tr("%1 with an invalid payload").arg(locale.toString(n));
        message.text = tr("%1 requests failed in the last %2 s: %3")
                           .arg(locale.toString(m_pendingTotal), locale.toString(IntervalMs / 1000),
                                parts.join(QStringLiteral(", ")));
    }
    m_pending.fill(0);
    m_pendingTotal = 0;
    m_last = Event();
    m_shown = true;
    m_shownAtMs = nowMs;
    return message;
}

QString TrayDigest::reason(Problem problem, const Event &event)
{
    switch (problem) {
    case Problem::WrongKey:
        return tr("x-vwo-auth did not match any configured key");
    case Problem::MissingKey:
        return tr("the x-vwo-auth header is missing");
    case Problem::InvalidPayload:
        if (event.error.isEmpty())
            return tr("the payload is not a valid VWO webhook");
        // The receiver's errors are technical English, quoted after a translated lead-in.
        return tr("invalid payload: %1").arg(event.error);
    case Problem::None:
    case Problem::Count:
        break;
    }
    return {};
}

} // namespace hookbench
