// The receiver's own HTTP framing, fed raw bytes as a client would send them: the request head
// parser and the chunked-body scanner (what the gate runs on every read before QHttpServer
// sees a byte).
#include "fuzzcheck.h"
#include "receiver/requesthead.h"

using namespace hookbench;

namespace {

constexpr int MaxHeadBytes = 16 * 1024; // the receiver's default (ReceiverConfig)

void checkHead(QByteArrayView input, const HeadParseResult &result)
{
    const bool failed =
        result.state == HeadParseResult::Malformed || result.state == HeadParseResult::TooLarge;
    FUZZ_CHECK(failed == !result.error.isEmpty(), result.error);
    if (result.state != HeadParseResult::Complete)
        return;
    const RequestHead &head = result.head;
    FUZZ_CHECK(head.headBytes >= 4 && head.headBytes <= input.size(), QString());
    FUZZ_CHECK(head.contentLength >= 0, QString::number(head.contentLength));
    FUZZ_CHECK(!(head.chunked && head.contentLength > 0), QString());
    for (const auto &[name, value] : head.headers) {
        FUZZ_CHECK(!name.isEmpty() && !name.contains('\n') && !name.contains('\r'),
                   QString::fromLatin1(name));
        FUZZ_CHECK(!value.contains('\n') && !value.contains('\r'), QString::fromLatin1(value));
    }
}

// The gate parses again on every read, so a head must parse the same however the bytes after it
// (or a shorter read) look: a prefix is never Malformed, and the head alone gives the same head.
void checkIncremental(QByteArrayView input, const HeadParseResult &whole, size_t cut)
{
    if (whole.state != HeadParseResult::Complete)
        return;
    const qsizetype headBytes = whole.head.headBytes;
    const HeadParseResult alone = parseRequestHead(input.first(headBytes), MaxHeadBytes);
    FUZZ_CHECK(alone.state == HeadParseResult::Complete && alone.head.headBytes == headBytes &&
                   alone.head.headers == whole.head.headers,
               alone.error);
    const HeadParseResult prefix =
        parseRequestHead(input.first(qsizetype(cut % size_t(headBytes))), MaxHeadBytes);
    FUZZ_CHECK(prefix.state == HeadParseResult::Incomplete ||
                   prefix.state == HeadParseResult::TooLarge,
               prefix.error);
}

// A chunked body arrives in reads of any size: scanning it in pieces must end where scanning it
// at once ends.
void checkChunked(QByteArrayView body, qsizetype piece)
{
    ChunkedScanner whole;
    const ChunkedScanner::Result atOnce = whole.scan(body);
    FUZZ_CHECK((atOnce == ChunkedScanner::Error) == !whole.error().isEmpty(), whole.error());
    if (atOnce == ChunkedScanner::Done)
        FUZZ_CHECK(whole.consumed() <= body.size() && whole.bodyBytes() >= 0, QString());

    ChunkedScanner pieces;
    ChunkedScanner::Result inPieces = ChunkedScanner::NeedMore;
    qsizetype offset = 0;
    while (inPieces == ChunkedScanner::NeedMore && offset < body.size()) {
        const qsizetype take = qMin(piece, body.size() - offset);
        inPieces = pieces.scan(body.sliced(offset, take));
        offset += take;
    }
    FUZZ_CHECK(inPieces == atOnce, QStringLiteral("%1 in pieces of %2, %3 at once")
                                       .arg(int(inPieces))
                                       .arg(piece)
                                       .arg(int(atOnce)));
    if (atOnce == ChunkedScanner::Done)
        FUZZ_CHECK(pieces.consumed() == whole.consumed() && pieces.bodyBytes() == whole.bodyBytes(),
                   QString());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size < 2)
        return 0;
    // The first two bytes choose a read size and a prefix length; the rest is the stream.
    const qsizetype piece = 1 + data[0] % 97;
    const size_t cut = data[1];
    const QByteArray stream = fuzz::bytes(data + 2, size - 2);

    const HeadParseResult result = parseRequestHead(stream, MaxHeadBytes);
    checkHead(stream, result);
    checkIncremental(stream, result, cut);
    const QByteArrayView afterHead = result.state == HeadParseResult::Complete
                                         ? QByteArrayView(stream).sliced(result.head.headBytes)
                                         : QByteArrayView(stream);
    checkChunked(afterHead, piece);
    return 0;
}
