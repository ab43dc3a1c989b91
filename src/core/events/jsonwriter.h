#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QStringView>

namespace hookbench {

// A compact JSON writer into UTF-8 bytes, for the hot paths (one line per event on
// `listen`'s stdout, header lists in the store) where QJsonDocument costs several
// microseconds per event. Commas are placed automatically.
class JsonWriter
{
public:
    JsonWriter &beginObject() { return open('{'); }
    JsonWriter &endObject() { return close('}'); }
    JsonWriter &beginArray() { return open('['); }
    JsonWriter &endArray() { return close(']'); }
    JsonWriter &key(QByteArrayView name); // name must be plain ASCII
    JsonWriter &value(qint64 number);
    JsonWriter &value(bool flag);
    JsonWriter &value(QStringView text);
    JsonWriter &latin1(QByteArrayView bytes);         // each byte is one code point (lossless)
    JsonWriter &utf8(QByteArrayView bytes);           // invalid sequences become U+FFFD
    JsonWriter &utcTimestamp(qint64 msecsSinceEpoch); // "YYYY-MM-DDTHH:MM:SS.mmmZ"
    QByteArray take() { return std::exchange(m_out, {}); }

private:
    JsonWriter &open(char bracket);
    JsonWriter &close(char bracket);
    void separate();
    void appendEscapedUtf8(QByteArrayView utf8);

    QByteArray m_out;
    bool m_afterValue = false;
    bool m_afterKey = false;
};

} // namespace hookbench
