#include "eventtableview.h"

#include <utility>

#include "eventlogdisplay.h"
#include "eventlogmodel.h"
#include "placeholderwidget.h"

#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLocale>
#include <QScrollBar>
#include <QStyledItemDelegate>
#include <QToolButton>
#include <climits>

namespace hookbench {

namespace {

// Rows whose texts are as wide as real ones get, rendered the way the log renders
// them so the widths follow the translation.
QList<Event> widthSamples()
{
    Event wide;
    wide.receivedAt = QDateTime(QDate(2000, 12, 28), QTime(23, 58, 58, 888));
    wide.method = QByteArrayLiteral("OPTIONS");
    wide.status = 404;
    wide.size = 1023 * 1024 - 1;
    wide.remoteAddress = QStringLiteral("255.255.255.255");
    wide.remotePort = 65535;
    QList<Event> samples;
    const SettingsFetchState fetches[] = {SettingsFetchState::None, SettingsFetchState::Pending,
                                          SettingsFetchState::Fetched, SettingsFetchState::Failed};
    for (AuthOutcome auth :
         {AuthOutcome::NotRequired, AuthOutcome::Ok, AuthOutcome::Failed, AuthOutcome::Missing}) {
        wide.auth = auth;
        wide.valid = !wide.valid;
        wide.settingsFetch = fetches[samples.size()];
        samples.append(wide);
    }
    return samples;
}

// Item views leave only a few pixels between cells, so a right-aligned number runs
// into the text of the next column. Numbers get extra room on their right (left-aligned
// text stays lined up with its header); the row background still spans the cell.
class PaddedDelegate : public QStyledItemDelegate
{
public:
    static constexpr int Padding = 4;
    static constexpr int AttemptIndent = 16;
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem padded(option);
        if (index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight)
            padded.rect.adjust(0, 0, -Padding, 0);
        // A delivery's attempts sit one step in, under their delivery row, as in a tree.
        if (index.column() == 0 && index.data(EventLogModel::IsAttemptRole).toBool()) {
            const QStyle *style = option.widget ? option.widget->style() : QApplication::style();
            style->drawPrimitive(QStyle::PE_PanelItemViewItem, &padded, painter, option.widget);
            padded.rect.adjust(AttemptIndent, 0, 0, 0);
        }
        // Whole rows are selected; a focus frame around one cell is only noise.
        padded.state &= ~QStyle::State_HasFocus;
        QStyledItemDelegate::paint(painter, padded, index);
    }

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        return QStyledItemDelegate::sizeHint(option, index) + QSize(Padding, 0);
    }
};

} // namespace

EventTableView::EventTableView(QWidget *parent)
    : QTableView(parent)
    , m_placeholder(new PlaceholderWidget(viewport()))
{
    setItemDelegate(new PaddedDelegate(this));
    setSelectionBehavior(SelectRows);
    setSelectionMode(ExtendedSelection);
    setAlternatingRowColors(true);
    setShowGrid(false);
    setWordWrap(false);
    setCornerButtonEnabled(false);
    setVerticalScrollMode(ScrollPerPixel);
    setHorizontalScrollMode(ScrollPerPixel);
    verticalHeader()->hide();
    verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    horizontalHeader()->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    horizontalHeader()->setHighlightSections(false);

    m_tailTimer.setSingleShot(true);
    m_tailTimer.setInterval(100);
    connect(&m_tailTimer, &QTimer::timeout, this, &QAbstractItemView::scrollToBottom);

    // Scrolled away from the tail: new rows do not pull the view; this brings them back.
    m_pausedButton = new QToolButton(this);
    m_pausedButton->setObjectName(QStringLiteral("pausedNewButton"));
    m_pausedButton->setAccessibleName(tr("Show new requests"));
    m_pausedButton->setToolTip(tr("Scroll to the newest request and follow new ones again"));
    m_pausedButton->setAutoRaise(false);
    m_pausedButton->hide();
    connect(m_pausedButton, &QToolButton::clicked, this, &EventTableView::followTail);
    connect(this, &QAbstractItemView::clicked, this, [this](const QModelIndex &index) {
        auto *log = qobject_cast<EventLogModel *>(model());
        if (log && index.column() == EventLogDisplay::AttemptsColumn &&
            log->attemptCount(index.row()) > 1) {
            m_followTail = false;
            log->setExpanded(index.row(), !log->isExpanded(index.row()));
        }
    });
    connect(verticalScrollBar(), &QScrollBar::valueChanged, this, [this] {
        if (isAtBottom() && !m_tailTimer.isActive()) {
            m_followTail = true;
            m_unseen = 0;
            m_pausedButton->hide();
        }
    });
}

void EventTableView::setModel(QAbstractItemModel *newModel)
{
    if (model())
        disconnect(model(), nullptr, this, nullptr);
    QTableView::setModel(newModel);
    if (newModel) {
        connect(newModel, &QAbstractItemModel::rowsAboutToBeInserted, this, [this] {
            // While a scroll is pending we are following; the scroll bar lags behind.
            if (!m_tailTimer.isActive())
                m_followTail = isAtBottom();
        });
        connect(newModel, &QAbstractItemModel::rowsInserted, this,
                [this](const QModelIndex &, int first, int last) {
                    if (m_followTail && !m_tailTimer.isActive())
                        m_tailTimer.start();
                    if (!qobject_cast<EventLogModel *>(model()))
                        countUnseen(last - first + 1);
                    updatePlaceholder();
                });
        // The log also inserts older rows while it loads and a delivery's attempts when it
        // opens: only new requests count as "new".
        if (auto *log = qobject_cast<EventLogModel *>(newModel))
            connect(log, &EventLogModel::liveRowsAppended, this, &EventTableView::countUnseen);
        connect(newModel, &QAbstractItemModel::modelReset, this, [this] {
            m_unseen = 0;
            updatePausedButton();
        });
        connect(newModel, &QAbstractItemModel::rowsRemoved, this,
                &EventTableView::updatePlaceholder);
        connect(newModel, &QAbstractItemModel::modelReset, this,
                &EventTableView::updatePlaceholder);
    }
    applyColumnWidths();
    updatePlaceholder();
}

void EventTableView::countUnseen(int rows)
{
    if (m_followTail)
        return;
    m_unseen += rows;
    updatePausedButton();
}

bool EventTableView::expandCurrent(bool expand)
{
    auto *log = qobject_cast<EventLogModel *>(model());
    const int row = currentIndex().row();
    if (!log || row < 0)
        return false;
    if (log->isAttemptRow(row)) {
        if (expand)
            return false;
        // Left on an attempt goes back to its delivery, as in a tree.
        int delivery = row;
        while (delivery > 0 && log->isAttemptRow(delivery))
            --delivery;
        setCurrentIndex(log->index(delivery, currentIndex().column()));
        return true;
    }
    if (log->attemptCount(row) < 2 || log->isExpanded(row) == expand)
        return false;
    m_followTail = false; // opening a delivery must not be yanked away by the next request
    log->setExpanded(row, expand);
    return true;
}

void EventTableView::keyPressEvent(QKeyEvent *event)
{
    const bool expand = event->key() == Qt::Key_Right || event->key() == Qt::Key_Plus;
    const bool collapse = event->key() == Qt::Key_Left || event->key() == Qt::Key_Minus;
    if ((expand || collapse) && event->modifiers() == Qt::NoModifier && expandCurrent(expand)) {
        event->accept();
        return;
    }
    QTableView::keyPressEvent(event);
}

void EventTableView::setPlaceholder(const QString &title, const QString &text,
                                    const QString &command)
{
    m_placeholder->setContent(title, text, command);
    m_placeholder->setAction({}); // the caller adds them where they belong
    m_placeholder->setNote({});
}

bool EventTableView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Resize) {
        m_placeholder->setGeometry(viewport()->rect());
        updatePausedButton();
    }
    return QTableView::viewportEvent(event);
}

void EventTableView::changeEvent(QEvent *event)
{
    QTableView::changeEvent(event);
    if (event->type() == QEvent::FontChange || event->type() == QEvent::LanguageChange)
        applyColumnWidths();
}

void EventTableView::applyColumnWidths()
{
    const QFontMetrics metrics = fontMetrics();
    verticalHeader()->setDefaultSectionSize(metrics.height() + 8);
    if (!model() || model()->columnCount() != EventLogDisplay::ColumnCount)
        return;

    const QList<Event> samples = widthSamples();
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) +
                        PaddedDelegate::Padding + 12;
    const int iconRoom = iconSize().width() > 0 ? iconSize().width() + 6 : metrics.height() + 6;
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < EventLogDisplay::ColumnCount; ++column) {
        int width = header->sectionSizeHint(column);
        int decoration = 0; // the columns with an icon
        if (column == EventLogDisplay::TimeColumn)
            decoration = iconRoom + PaddedDelegate::AttemptIndent;
        else if (column == EventLogDisplay::SettingsColumn)
            decoration = iconRoom;
        for (const Event &sample : samples) {
            const QString text = EventLogDisplay::display(sample, column).toString();
            width = qMax(width, metrics.horizontalAdvance(text) + padding + decoration);
        }
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        header->resizeSection(column, width);
    }
    // The path is what people read; it takes the room that is left.
    header->setSectionResizeMode(EventLogDisplay::PathColumn, QHeaderView::Stretch);
}

void EventTableView::followTail()
{
    m_followTail = true;
    m_unseen = 0;
    m_pausedButton->hide();
    scrollToBottom();
}

void EventTableView::updatePausedButton()
{
    m_pausedButton->setVisible(!m_followTail && m_unseen > 0);
    if (!m_pausedButton->isVisible())
        return;
    m_pausedButton->setText(
        tr("Paused \u2014 %n new", nullptr, int(qMin<qint64>(m_unseen, INT_MAX))) +
        QStringLiteral(" \u2193"));
    m_pausedButton->adjustSize();
    const QRect area = viewport()->geometry();
    m_pausedButton->move(area.right() - m_pausedButton->width() - 12,
                         area.bottom() - m_pausedButton->height() - 12);
    m_pausedButton->raise();
}

void EventTableView::updatePlaceholder()
{
    const bool empty = !model() || model()->rowCount() == 0;
    m_placeholder->setGeometry(viewport()->rect());
    m_placeholder->setVisible(empty);
    if (std::exchange(m_empty, empty) != empty)
        Q_EMIT emptyChanged(empty);
}

bool EventTableView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum();
}

} // namespace hookbench
