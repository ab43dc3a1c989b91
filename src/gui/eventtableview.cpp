#include "eventtableview.h"

#include "placeholderwidget.h"
#include "recenteventsmodel.h"

#include <QEvent>
#include <QHeaderView>
#include <QScrollBar>
#include <QStyledItemDelegate>

namespace hookbench {

namespace {

// Rows whose texts are as wide as real ones get, rendered by the model itself so
// the widths follow the translation.
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
    for (AuthOutcome auth :
         {AuthOutcome::NotRequired, AuthOutcome::Ok, AuthOutcome::Failed, AuthOutcome::Missing}) {
        wide.auth = auth;
        wide.valid = !wide.valid;
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
    using QStyledItemDelegate::QStyledItemDelegate;

    void paint(QPainter *painter, const QStyleOptionViewItem &option,
               const QModelIndex &index) const override
    {
        QStyleOptionViewItem padded(option);
        if (index.data(Qt::TextAlignmentRole).toInt() & Qt::AlignRight)
            padded.rect.adjust(0, 0, -Padding, 0);
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
        connect(newModel, &QAbstractItemModel::rowsInserted, this, [this] {
            if (m_followTail && !m_tailTimer.isActive())
                m_tailTimer.start();
            updatePlaceholder();
        });
        connect(newModel, &QAbstractItemModel::rowsRemoved, this,
                &EventTableView::updatePlaceholder);
        connect(newModel, &QAbstractItemModel::modelReset, this,
                &EventTableView::updatePlaceholder);
    }
    applyColumnWidths();
    updatePlaceholder();
}

void EventTableView::setPlaceholder(const QString &title, const QString &text,
                                    const QString &command)
{
    m_placeholder->setContent(title, text, command);
}

bool EventTableView::viewportEvent(QEvent *event)
{
    if (event->type() == QEvent::Resize)
        m_placeholder->setGeometry(viewport()->rect());
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
    if (!model() || model()->columnCount() != RecentEventsModel::ColumnCount)
        return;

    RecentEventsModel samples;
    samples.appendEvents(widthSamples());
    const int padding = 2 * style()->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, this) +
                        PaddedDelegate::Padding + 12;
    QHeaderView *header = horizontalHeader();
    for (int column = 0; column < RecentEventsModel::ColumnCount; ++column) {
        int width = header->sectionSizeHint(column);
        for (int row = 0; row < samples.rowCount(); ++row) {
            const QString text = samples.index(row, column).data().toString();
            width = qMax(width, metrics.horizontalAdvance(text) + padding);
        }
        header->setSectionResizeMode(column, QHeaderView::Interactive);
        header->resizeSection(column, width);
    }
    // The path is what people read; it takes the room that is left.
    header->setSectionResizeMode(RecentEventsModel::PathColumn, QHeaderView::Stretch);
}

void EventTableView::updatePlaceholder()
{
    const bool empty = !model() || model()->rowCount() == 0;
    m_placeholder->setGeometry(viewport()->rect());
    m_placeholder->setVisible(empty);
}

bool EventTableView::isAtBottom() const
{
    const QScrollBar *bar = verticalScrollBar();
    return bar->value() >= bar->maximum();
}

} // namespace hookbench
