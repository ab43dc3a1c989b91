#include "sendmodepage.h"

#include <QTime>

namespace hookbench {

SendRecord recordOf(SendMode mode, const OutgoingRequest &request, const QDateTime &startedAt)
{
    SendRecord record;
    record.mode = mode;
    record.startedAt = startedAt;
    record.finishedAt = QDateTime::currentDateTimeUtc();
    record.method = request.method;
    record.url = request.url.toString(QUrl::RemovePassword);
    record.headers = request.headers;
    for (auto &header : record.headers) {
        if (header.first.compare("x-vwo-auth", Qt::CaseInsensitive) == 0)
            header.second = QByteArrayLiteral("[redacted]");
    }
    record.body = request.body;
    return record;
}

QString clockText(qint64 ms)
{
    const qint64 secs = qMax<qint64>(0, ms) / 1000;
    if (secs >= 3600)
        return QStringLiteral("%1:%2:%3")
            .arg(secs / 3600)
            .arg(secs / 60 % 60, 2, 10, QLatin1Char('0'))
            .arg(secs % 60, 2, 10, QLatin1Char('0'));
    return QStringLiteral("%1:%2")
        .arg(secs / 60, 2, 10, QLatin1Char('0'))
        .arg(secs % 60, 2, 10, QLatin1Char('0'));
}

} // namespace hookbench
