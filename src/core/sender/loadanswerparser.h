#pragma once

#include <QtGlobal>

#include <string>

namespace hookbench {

// Finds where one HTTP/1.x answer ends on a keep-alive connection, fed the bytes as they come,
// however they are split. Load mode needs only the status and the end of each answer, so the
// body is skipped, never kept; only the head and chunk-size lines are copied (into buffers that
// keep their capacity from answer to answer).
//
// Handles Content-Length, chunked (extensions, trailers), bodies delimited by the close,
// interim 1xx answers, bodyless statuses (204, 304) and answers to HEAD.
class LoadAnswerParser
{
public:
    enum class Result { NeedMore, Complete, Invalid };

    static constexpr qsizetype MaxHead = 64 * 1024;
    static constexpr qsizetype MaxLine = 4096; // chunk-size and trailer lines

    // Expects the next answer. `bodyless`: it answers a HEAD request.
    void reset(bool bodyless);
    // Consumes bytes of the answer from `data`. `*used` tells how many belonged to it: after
    // Complete, the rest (if any) came after the answer.
    Result feed(const char *data, qsizetype size, qsizetype *used);
    // The server closed the connection: true when that completes the answer (no length given).
    bool finishAtClose();

    bool hasStarted() const { return m_started; } // some of the answer arrived
    int status() const { return m_status; }
    // The connection can carry the next request: no "Connection: close", not HTTP/1.0 without
    // keep-alive, not delimited by the close.
    bool keepAlive() const { return m_keepAlive; }
    const char *problem() const { return m_problem; } // why Invalid, in words

private:
    enum class State { Head, Body, BodyUntilClose, ChunkSize, ChunkData, ChunkEnd, Trailers, Done };

    const char *consumeHead(const char *p, const char *end);
    const char *consumeLine(const char *p, const char *end, bool *complete);
    bool parseHead();
    bool parseHeader(const char *line, qsizetype size);
    void chunkSizeLine();
    void fail(const char *problem);

    State m_state = State::Head;
    std::string m_head; // the head so far, CRLFs included
    std::string m_line; // a chunk-size or trailer line so far, without its line break
    qsizetype m_lineStart = 0;
    qint64 m_remaining = 0; // body or chunk bytes still to skip
    qint64 m_contentLength = -1;
    int m_status = 0;
    bool m_bodyless = false;
    bool m_chunked = false;
    bool m_transferEncoded = false;
    bool m_connectionClose = false;
    bool m_connectionKeepAlive = false;
    bool m_keepAlive = true;
    bool m_started = false;
    const char *m_problem = nullptr;
};

} // namespace hookbench
