#pragma once

#include "events/event.h"

#include <QByteArray>
#include <QString>

namespace hookbench {

// What the gate needs to know about a request before QHttpServer sees it:
// its framing (where the body ends) and whether the connection stays open.
struct RequestHead
{
    QByteArray method;
    QByteArray target;  // request-target as sent (path + optional ?query)
    QByteArray version; // "HTTP/1.1" or "HTTP/1.0"
    HeaderList headers;
    qsizetype headBytes = 0; // request line + headers + blank line
    qint64 contentLength = 0;
    bool chunked = false;
    bool expectContinue = false;
    bool keepAlive = true;
};

struct HeadParseResult
{
    enum State { Incomplete, Complete, TooLarge, Malformed };
    State state = Incomplete;
    RequestHead head;
    QString error; // for Malformed/TooLarge: what is wrong, and where
};

// Parses the head at the start of buffer. Leading empty lines are skipped (RFC 9112 §2.2).
HeadParseResult parseRequestHead(QByteArrayView buffer, int maxHeadBytes);

// Incremental decoder of a chunked body that only finds where it ends and how
// large the decoded body is, so the gate can enforce the body cap while bytes arrive.
class ChunkedScanner
{
public:
    enum Result { NeedMore, Done, Error };
    // Scans data (the bytes after those already scanned). Returns Done with
    // consumed() = bytes up to and including the final CRLF.
    Result scan(QByteArrayView data);
    qsizetype consumed() const { return m_consumed; }
    qint64 bodyBytes() const { return m_bodyBytes; }
    QString error() const { return m_error; }
    void reset() { *this = ChunkedScanner(); }

private:
    enum State { SizeLine, Data, DataEnd, Trailer };
    Result fail(const QString &message);

    State m_state = SizeLine;
    QByteArray m_line;
    qint64 m_remaining = 0;
    qint64 m_bodyBytes = 0;
    qsizetype m_consumed = 0;
    QString m_error;
};

} // namespace hookbench
