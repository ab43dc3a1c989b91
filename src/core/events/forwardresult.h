#pragma once

#include <QByteArray>
#include <QList>
#include <QMetaType>
#include <QPair>
#include <QString>

namespace hookbench {

using HeaderList = QList<QPair<QByteArray, QByteArray>>;

// Whether a webhook was passed on to the endpoint's forward URL (issue 8), and how far it got.
enum class ForwardState : quint8 {
    None,    // not forwarded: no forward URL, or not a valid, authenticated webhook
    Pending, // stored and sent on; the app has not answered yet
    Done,    // the app answered, or the forward failed (ForwardResult::error)
};

// What the app behind the forward URL answered. A plain value, like Event.
struct ForwardResult
{
    // The app's body is kept (and, when followed, passed to VWO) up to this size.
    static constexpr qsizetype MaxBodyBytes = 64 * 1024;

    QString url;           // where it went, without any password
    bool followed = false; // VWO got the app's answer, not Hookbench's own
    int status = 0;        // the app's HTTP status; 0: no answer (see error)
    HeaderList headers;    // the app's response headers
    QByteArray body;       // at most MaxBodyBytes
    bool bodyTruncated = false;
    QString error;          // why no answer came, e.g. "no answer within 300 ms"; empty if one did
    qint64 elapsedMs = 0;   // from sending to the answer or the failure
    int answeredStatus = 0; // the status VWO got from Hookbench; 0: VWO was gone by then

    bool answered() const { return status > 0; }
};

bool operator==(const ForwardResult &a, const ForwardResult &b);
inline bool operator!=(const ForwardResult &a, const ForwardResult &b)
{
    return !(a == b);
}

} // namespace hookbench

Q_DECLARE_METATYPE(hookbench::ForwardResult)
