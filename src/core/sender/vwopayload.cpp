#include "vwopayload.h"

#include "diff/jsontree.h"

namespace hookbench {

QByteArray VwoPayload::templateBody(qint64 unixSeconds)
{
    return QByteArrayLiteral("{\"timestamp\":") + QByteArray::number(unixSeconds) +
           QByteArrayLiteral(",\"event\":\"settings_changed\",\"action\":"
                             "\"campaign_settings_changed\",\"triggered_by\":\"vwo\"}");
}

VwoPayload VwoPayload::vwoTemplate()
{
    return fromBody(templateBody(0));
}

VwoPayload VwoPayload::fromBody(const QByteArray &body)
{
    VwoPayload payload;
    payload.m_body = body;
    // The tree keeps byte offsets, so only the number's own bytes change; QJsonDocument would
    // reorder members and respell numbers.
    const JsonTree tree = JsonTree::parse(body);
    if (tree.isNull() || tree.type(JsonTree::Root) != JsonType::Object)
        return payload;
    for (int member : tree.children(JsonTree::Root)) {
        // Every top-level "timestamp": receivers disagree on which duplicate wins.
        if (tree.type(member) != JsonType::Number || !tree.keyEquals(member, "timestamp"))
            continue;
        const JsonNode &node = tree.node(member);
        payload.m_slots.append({qsizetype(node.offset), qsizetype(node.end - node.offset)});
    }
    return payload;
}

QByteArray VwoPayload::bodyAt(qint64 unixSeconds) const
{
    if (m_slots.isEmpty())
        return m_body;
    const QByteArray digits = QByteArray::number(unixSeconds);
    QByteArray out;
    out.reserve(m_body.size() + m_slots.size() * digits.size());
    qsizetype copied = 0;
    for (const Slot &slot : m_slots) {
        out.append(m_body.constData() + copied, slot.offset - copied);
        out.append(digits);
        copied = slot.offset + slot.size;
    }
    out.append(m_body.constData() + copied, m_body.size() - copied);
    return out;
}

QByteArray VwoPayload::withTimestamp(const QByteArray &body, qint64 unixSeconds)
{
    return fromBody(body).bodyAt(unixSeconds);
}

} // namespace hookbench
