#include "eventdetailjson.h"

#include <QCoreApplication>
#include <QLocale>
#include <QTreeWidget>

namespace hookbench {

namespace {

bool isJsonSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void newLine(QByteArray &out, int depth)
{
    out.append('\n');
    out.append(QByteArray(depth * 2, ' '));
}

// A recursive-descent walk over valid JSON that builds tree items as it goes.
class TreeBuilder
{
    Q_DECLARE_TR_FUNCTIONS(EventDetailJson)
public:
    TreeBuilder(const QByteArray &json, int budget)
        : m_json(json)
        , m_budget(budget)
    {}

    bool complete() const { return m_budget >= 0; }

    void fillTopLevel(QTreeWidget *tree)
    {
        auto *root = new QTreeWidgetItem(tree, {tr("(root)")});
        value(root);
        // An object or array at the top: its members are the interesting level.
        if (root->childCount() > 0) {
            tree->addTopLevelItems(root->takeChildren());
            delete root;
        }
    }

private:
    char peek()
    {
        while (m_pos < m_json.size() && isJsonSpace(m_json.at(m_pos)))
            ++m_pos;
        return m_pos < m_json.size() ? m_json.at(m_pos) : '\0';
    }

    QString readString()
    {
        ++m_pos; // opening quote
        QString result;
        QByteArray run; // unescaped UTF-8 bytes, decoded in one go
        while (m_pos < m_json.size() && m_json.at(m_pos) != '"') {
            const char c = m_json.at(m_pos++);
            if (c != '\\') {
                run.append(c);
                continue;
            }
            result += QString::fromUtf8(run);
            run.clear();
            const char escaped = m_pos < m_json.size() ? m_json.at(m_pos++) : '\\';
            switch (escaped) {
            case 'n':
                result += QLatin1Char('\n');
                break;
            case 't':
                result += QLatin1Char('\t');
                break;
            case 'r':
                result += QLatin1Char('\r');
                break;
            case 'b':
                result += QLatin1Char('\b');
                break;
            case 'f':
                result += QLatin1Char('\f');
                break;
            case 'u':
                // Surrogate pairs arrive as two \u escapes; QString joins the halves.
                result += QChar(m_json.mid(m_pos, 4).toUShort(nullptr, 16));
                m_pos += 4;
                break;
            default: // " \ /
                result += QLatin1Char(escaped);
            }
        }
        ++m_pos; // closing quote
        return result + QString::fromUtf8(run);
    }

    void value(QTreeWidgetItem *item)
    {
        const char c = peek();
        if (c == '{' || c == '[') {
            container(item, c == '{');
        } else if (c == '"') {
            QString text = readString();
            item->setToolTip(1, text.size() > 80 ? text.left(2000) : QString());
            // One line per row: the Pretty view shows the real line breaks.
            text.replace(QLatin1Char('\n'), QChar(0x21b5));
            item->setText(1, text.left(500));
            item->setText(2, tr("string"));
        } else {
            const qsizetype start = m_pos;
            while (m_pos < m_json.size() && !isJsonSpace(m_json.at(m_pos)) &&
                   !QByteArrayView(",]}").contains(m_json.at(m_pos)))
                ++m_pos;
            const QByteArray token = m_json.mid(start, m_pos - start);
            item->setText(1, QString::fromLatin1(token));
            item->setText(2, token == "null"                       ? tr("null")
                             : token == "true" || token == "false" ? tr("boolean")
                                                                   : tr("number"));
        }
    }

    void container(QTreeWidgetItem *item, bool object)
    {
        const char close = object ? '}' : ']';
        ++m_pos;
        int count = 0;
        while (m_pos < m_json.size()) {
            const char c = peek();
            if (c == close || c == '\0') {
                ++m_pos;
                break;
            }
            if (c == ',') {
                ++m_pos;
                continue;
            }
            if (--m_budget < 0) {
                m_pos = m_json.size(); // stop everywhere: the caller reports the cut
                break;
            }
            QString key = QLatin1Char('[') + QString::number(count) + QLatin1Char(']');
            if (object) {
                key = readString();
                peek();
                ++m_pos; // ':'
            }
            value(new QTreeWidgetItem(item, {key}));
            ++count;
        }
        const QString size = QLocale().toString(count);
        if (object)
            item->setText(1, count == 1 ? tr("1 key") : tr("%1 keys").arg(size));
        else
            item->setText(1, count == 1 ? tr("1 item") : tr("%1 items").arg(size));
        item->setText(2, object ? tr("object") : tr("array"));
    }

    const QByteArray &m_json;
    qsizetype m_pos = 0;
    int m_budget;
};

} // namespace

QString prettyJson(const QByteArray &json)
{
    QByteArray out;
    out.reserve(json.size() * 2);
    int depth = 0;
    bool inString = false;
    const qsizetype size = json.size();
    for (qsizetype i = 0; i < size; ++i) {
        const char c = json.at(i);
        if (inString) {
            out.append(c);
            if (c == '\\' && i + 1 < size)
                out.append(json.at(++i));
            else if (c == '"')
                inString = false;
            continue;
        }
        switch (c) {
        case ' ':
        case '\t':
        case '\n':
        case '\r':
            break;
        case '"':
            inString = true;
            out.append(c);
            break;
        case '{':
        case '[': {
            qsizetype next = i + 1;
            while (next < size && isJsonSpace(json.at(next)))
                ++next;
            if (next < size && json.at(next) == (c == '{' ? '}' : ']')) {
                out.append(c).append(json.at(next));
                i = next;
                break;
            }
            out.append(c);
            newLine(out, ++depth);
            break;
        }
        case '}':
        case ']':
            newLine(out, --depth);
            out.append(c);
            break;
        case ',':
            out.append(c);
            newLine(out, depth);
            break;
        case ':':
            out.append(": ");
            break;
        default:
            out.append(c);
        }
    }
    return QString::fromUtf8(out);
}

bool fillJsonTree(QTreeWidget *tree, const QByteArray &json, int maxItems)
{
    tree->clear();
    TreeBuilder builder(json, maxItems);
    builder.fillTopLevel(tree);
    return builder.complete();
}

} // namespace hookbench
