#include "eventdetailbodyview.h"

#include "eventdetailhexdump.h"
#include "eventdetailjson.h"
#include "jsonhighlighter.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hookbench {

namespace {

QLabel *noteLabel(QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setWordWrap(true);
    label->setTextFormat(Qt::PlainText);
    label->setContentsMargins(4, 2, 4, 2);
    label->hide();
    return label;
}

// A page holding a note above a view: the note explains what the view leaves out.
QWidget *notedPage(QWidget *view, QLabel *note, QWidget *parent)
{
    auto *page = new QWidget(parent);
    auto *layout = new QVBoxLayout(page);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(2);
    note->setParent(page);
    view->setParent(page);
    layout->addWidget(note);
    layout->addWidget(view, 1);
    return page;
}

} // namespace

EventDetailBodyView::EventDetailBodyView(QWidget *parent)
    : QWidget(parent)
    , m_stack(new QStackedWidget(this))
    , m_empty(new QLabel(tr("No body"), m_stack))
    , m_tabs(new QTabWidget(m_stack))
    , m_pretty(createTextView(QStringLiteral("bodyPretty"), tr("Body as formatted JSON"), this))
    , m_highlighter(new JsonHighlighter(m_pretty->document()))
    , m_tree(new QTreeWidget(this))
    , m_treeNote(noteLabel(this))
    , m_text(createTextView(QStringLiteral("bodyText"), tr("Body as text"), this))
    , m_hex(createTextView(QStringLiteral("bodyHex"), tr("Body as hexadecimal dump"), this))
    , m_hexNote(noteLabel(this))
{
    m_empty->setObjectName(QStringLiteral("bodyEmpty"));
    m_empty->setAlignment(Qt::AlignCenter);
    QPalette dimmed = m_empty->palette();
    dimmed.setColor(QPalette::WindowText, dimmed.color(QPalette::PlaceholderText));
    m_empty->setPalette(dimmed);

    m_tabs->setObjectName(QStringLiteral("bodyTabs"));
    m_tabs->setAccessibleName(tr("Body views"));

    m_tree->setObjectName(QStringLiteral("bodyTree"));
    m_tree->setAccessibleName(tr("Body as a JSON tree"));
    m_tree->setHeaderLabels({tr("Key"), tr("Value"), tr("Type")});
    m_tree->setUniformRowHeights(true); // fast with thousands of rows
    m_tree->setAlternatingRowColors(true);
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_treePage = notedPage(m_tree, m_treeNote, this);
    // The hex view does not wrap: its columns only make sense line by line.
    m_hex->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_hexPage = notedPage(m_hex, m_hexNote, this);
    m_text->setLineWrapMode(QPlainTextEdit::WidgetWidth);

    m_stack->addWidget(m_empty);
    m_stack->addWidget(m_tabs);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    clear();
}

QPlainTextEdit *EventDetailBodyView::createTextView(const QString &objectName,
                                                    const QString &accessibleName, QWidget *parent)
{
    auto *view = new QPlainTextEdit(parent);
    view->setObjectName(objectName);
    view->setAccessibleName(accessibleName);
    view->setReadOnly(true);
    // Read-only, but keyboard users can still move, select and copy.
    view->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    view->setLineWrapMode(QPlainTextEdit::NoWrap);
    return view;
}

void EventDetailBodyView::showTabs(const QList<QWidget *> &pages)
{
    const QString current =
        m_tabs->currentWidget() ? m_tabs->tabText(m_tabs->currentIndex()) : QString();
    while (m_tabs->count() > 0)
        m_tabs->removeTab(0);
    // Pages out of the tab widget would otherwise show up over it as stray children.
    for (QWidget *page :
         {static_cast<QWidget *>(m_pretty), m_treePage, static_cast<QWidget *>(m_text), m_hexPage})
        page->setVisible(false);
    for (QWidget *page : pages) {
        QString title;
        if (page == m_pretty)
            title = tr("Pretty");
        else if (page == m_treePage)
            title = tr("Tree");
        else if (page == m_text)
            title = tr("Text");
        else
            title = tr("Hex");
        const int index = m_tabs->addTab(page, title);
        // Moving from one request to the next keeps the user's chosen view.
        if (title == current)
            m_tabs->setCurrentIndex(index);
    }
}

void EventDetailBodyView::setBody(const QByteArray &body)
{
    m_pretty->clear();
    m_tree->clear();
    m_text->clear();
    m_hex->clear();
    m_treeNote->hide();
    m_hexNote->hide();
    if (body.isEmpty()) {
        m_kind = Kind::Empty;
        m_stack->setCurrentWidget(m_empty);
        return;
    }
    m_stack->setCurrentWidget(m_tabs);

    QJsonParseError error{};
    if (body.size() <= JsonLimit) {
        QJsonDocument::fromJson(body, &error);
    } else {
        error.error = QJsonParseError::DocumentTooLarge;
    }
    if (error.error == QJsonParseError::NoError) {
        m_kind = Kind::Json;
        m_pretty->setPlainText(prettyJson(body));
        if (!fillJsonTree(m_tree, body, TreeItemLimit)) {
            m_treeNote->setText(
                tr("Only the first %1 values are shown here; the Pretty view has them all.")
                    .arg(QLocale().toString(TreeItemLimit)));
            m_treeNote->show();
        }
        // Two levels open: a VWO payload's fields and their direct members at a glance.
        m_tree->expandToDepth(1);
        m_tree->resizeColumnToContents(0);
        m_tree->resizeColumnToContents(2);
        showTabs({m_pretty, m_treePage});
        return;
    }

    m_hex->setPlainText(hexDump(body));
    if (body.size() > HexDumpLimit) {
        m_hexNote->setText(
            tr("Showing the first %1 of %2 bytes.")
                .arg(QLocale().formattedDataSize(HexDumpLimit), QLocale().toString(body.size())));
        m_hexNote->show();
    }
    if (isDisplayableText(body)) {
        m_kind = Kind::Text;
        m_text->setPlainText(QString::fromUtf8(body));
        showTabs({m_text, m_hexPage});
    } else {
        m_kind = Kind::Binary;
        showTabs({m_hexPage});
    }
}

void EventDetailBodyView::changeEvent(QEvent *event)
{
    // Light/dark switches: the highlighter's colours are picked for the palette.
    if (event->type() == QEvent::PaletteChange)
        m_highlighter->updateColors(m_pretty->palette());
    QWidget::changeEvent(event);
}

} // namespace hookbench
