// DiffTreeModel, part three: what a row shows (texts, badges, roles).
#include "difftreemodel.h"

#include "badgeicon.h"

#include <QGuiApplication>
#include <QPainter>
#include <QPalette>
#include <QPixmap>

namespace hookbench {

namespace {

constexpr int ValueLimit = 80; // characters of a value in the Old and New columns

QString shortened(const QByteArray &value)
{
    QString text = QString::fromUtf8(value);
    if (text.size() <= ValueLimit)
        return text;
    text.truncate(ValueLimit - 1);
    if (text.back().isHighSurrogate())
        text.chop(1);
    return text + QChar(0x2026); // …
}

QString kindText(ChangeKind kind)
{
    switch (kind) {
    case ChangeKind::Added:
        return DiffTreeModel::tr("added");
    case ChangeKind::Removed:
        return DiffTreeModel::tr("removed");
    case ChangeKind::Changed:
        break;
    case ChangeKind::Moved:
        return DiffTreeModel::tr("moved");
    }
    return DiffTreeModel::tr("changed");
}

enum class Mark { None, Plus, Dot, Blank };

// badgeIcon's badge with a white "+" (added) or a centre dot (moved) drawn over it, so shape
// tells the states apart where hue does not; Blank is an empty badge that keeps labels aligned.
QIcon markedBadge(const QColor &colour, BadgeShape shape, Mark mark)
{
    if (mark == Mark::None)
        return badgeIcon(colour, shape);
    const QIcon base = mark == Mark::Blank ? QIcon() : badgeIcon(colour, shape);
    QIcon icon;
    for (const int size : {16, 32}) {
        QPixmap pixmap(size, size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        painter.setRenderHint(QPainter::Antialiasing);
        const QPointF centre(size / 2.0, size / 2.0);
        if (mark == Mark::Plus || mark == Mark::Dot)
            base.paint(&painter, 0, 0, size, size);
        if (mark == Mark::Plus) {
            const qreal arm = size * 0.17;
            painter.setPen(QPen(Qt::white, size / 8.0, Qt::SolidLine, Qt::FlatCap));
            painter.drawLine(centre - QPointF(arm, 0), centre + QPointF(arm, 0));
            painter.drawLine(centre - QPointF(0, arm), centre + QPointF(0, arm));
        } else if (mark == Mark::Dot) {
            painter.setPen(Qt::NoPen);
            painter.setBrush(colour);
            painter.drawEllipse(centre, size * 0.12, size * 0.12);
        }
        painter.end();
        icon.addPixmap(pixmap);
    }
    return icon;
}

} // namespace

// No %n plural: the app ships no English .qm that would turn "change(s)" into words.
QString DiffTreeModel::changesText(int count)
{
    return count == 1 ? tr("1 change") : tr("%1 changes").arg(count);
}

const JsonChange *DiffTreeModel::changeOf(const Item &item) const
{
    return item.change >= 0 ? &m_changes.at(item.change) : nullptr;
}

QString DiffTreeModel::changeText(const Item &item) const
{
    const JsonChange *change = changeOf(item);
    if (!change)
        return item.changeCount > 0 ? changesText(item.changeCount) : QString();
    // An entity's own change says more than its kind: "added (VISUAL_AB, RUNNING, 2 variations)".
    const QString own = change->entity ? change->detail : kindText(change->kind);
    if (item.changeCount <= 1 || item.children.isEmpty())
        return own;
    return tr("%1; %2").arg(own, changesText(item.changeCount - 1));
}

QString DiffTreeModel::toolTip(const Item &item) const
{
    const JsonChange *change = changeOf(item);
    if (!change)
        return item.changeCount > 0 ? changesText(item.changeCount) : tr("unchanged");
    if (item.children.isEmpty())
        return change->sentence;
    return change->sentence + QLatin1Char('\n') +
           tr("%1 below").arg(changesText(item.changeCount - 1));
}

QString DiffTreeModel::pointer(const Item &item) const
{
    if (const JsonChange *change = changeOf(item))
        return change->kind == ChangeKind::Removed ? change->oldPath : change->newPath;
    if (item.newNode >= 0)
        return m_new.pointer(item.newNode);
    return item.oldNode >= 0 ? m_old.pointer(item.oldNode) : QString();
}

QIcon DiffTreeModel::icon(State state) const
{
    QIcon &icon = m_icons[size_t(state)];
    if (!icon.isNull())
        return icon;
    // Green "+", red "no entry" (a minus), amber dot, blue ring with a dot, amber ring: shape as
    // well as hue, for colour-blind users.
    const QColor amber(0xf0, 0x8c, 0x1e);
    switch (state) {
    case State::Unchanged:
        icon = markedBadge({}, BadgeShape::Ring, Mark::Blank);
        break;
    case State::Added:
        icon = markedBadge(QColor(0x3d, 0xae, 0x5b), BadgeShape::Filled, Mark::Plus);
        break;
    case State::Removed:
        icon = markedBadge(QColor(0xe0, 0x45, 0x52), BadgeShape::FilledWithBar, Mark::None);
        break;
    case State::Changed:
        icon = markedBadge(amber, BadgeShape::Filled, Mark::None);
        break;
    case State::Moved:
        icon = markedBadge(QColor(0x3d, 0x8e, 0xe9), BadgeShape::Ring, Mark::Dot);
        break;
    case State::ContainsChanges:
        icon = markedBadge(amber, BadgeShape::Ring, Mark::None);
        break;
    }
    return icon;
}

QVariant DiffTreeModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const Item &item = m_items[size_t(itemOf(index))];
    const JsonChange *change = changeOf(item);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ItemColumn:
            return item.label;
        case ChangeColumn:
            return changeText(item);
        case OldColumn:
            return change ? shortened(change->oldValue) : QString();
        case NewColumn:
            return change ? shortened(change->newValue) : QString();
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == ItemColumn ? QVariant(icon(item.state)) : QVariant();
    case Qt::ToolTipRole:
        return toolTip(item);
    case Qt::ForegroundRole:
        if (item.state == State::Unchanged) // quieter than the rows that matter
            return QGuiApplication::palette().color(QPalette::PlaceholderText);
        return {};
    case StateRole:
        return QVariant::fromValue(item.state);
    case OldNodeRole:
        return item.oldNode;
    case NewNodeRole:
        return item.newNode;
    case PointerRole:
        return pointer(item);
    case SentenceRole:
        return change ? change->sentence : QString();
    }
    return {};
}

QVariant DiffTreeModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case ItemColumn:
        return tr("Item");
    case ChangeColumn:
        return tr("Change");
    case OldColumn:
        return tr("Old");
    case NewColumn:
        return tr("New");
    }
    return {};
}

} // namespace hookbench
