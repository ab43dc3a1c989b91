#pragma once

#include <QByteArray>
#include <QWidget>

class QLabel;
class QPlainTextEdit;
class QStackedWidget;
class QTabWidget;
class QTreeWidget;

namespace hookbench {

class JsonHighlighter;

// The Body tab of the detail pane. JSON gets a highlighted "Pretty" view and a
// collapsible "Tree"; anything else gets "Text" (when it is readable UTF-8) and "Hex".
class EventDetailBodyView : public QWidget
{
    Q_OBJECT
public:
    // A read-only monospace text view that keyboard users can still move in, select and copy.
    static QPlainTextEdit *createTextView(const QString &objectName, const QString &accessibleName,
                                          QWidget *parent);
    enum class Kind { Empty, Json, Text, Binary };

    explicit EventDetailBodyView(QWidget *parent = nullptr);

    void setBody(const QByteArray &body);
    void clear() { setBody({}); }
    Kind kind() const { return m_kind; }

    // Only JSON bodies up to this size are parsed: larger ones go to Text/Hex, which stay
    // responsive where a tree of a million items would not.
    static constexpr qsizetype JsonLimit = 8 * 1024 * 1024;
    static constexpr int TreeItemLimit = 20000;

protected:
    void changeEvent(QEvent *event) override;

private:
    void showTabs(const QList<QWidget *> &pages);

    Kind m_kind = Kind::Empty;
    QStackedWidget *m_stack;
    QLabel *m_empty;
    QTabWidget *m_tabs;
    QPlainTextEdit *m_pretty;
    JsonHighlighter *m_highlighter;
    QWidget *m_treePage;
    QTreeWidget *m_tree;
    QLabel *m_treeNote;
    QPlainTextEdit *m_text;
    QWidget *m_hexPage;
    QPlainTextEdit *m_hex;
    QLabel *m_hexNote;
};

} // namespace hookbench
