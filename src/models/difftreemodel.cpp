#include "difftreemodel.h"

namespace hookbench {

namespace {

// Runs of unchanged rows hidden or shown with a signal each; beyond that many, one reset is
// cheaper for the views.
constexpr int MaxRunSignals = 64;

} // namespace

DiffTreeModel::DiffTreeModel(QObject *parent)
    : QAbstractItemModel(parent)
{}

DiffTreeModel::~DiffTreeModel() = default;

void DiffTreeModel::setDiff(const JsonTree &oldTree, const JsonTree &newTree, const JsonDiff &diff)
{
    beginResetModel();
    m_items.clear();
    m_top.clear();
    m_shownTop.clear();
    m_old = oldTree;
    m_new = newTree;
    m_changes = diff.changes;
    m_settingsFiles = diff.settingsFiles;
    if (!oldTree.isNull() && !newTree.isNull()) {
        Rows rows = buildRows(oldTree, newTree, diff);
        m_items = std::move(rows.items);
        m_top = std::move(rows.top);
    }
    for (const int item : std::as_const(m_top)) {
        if (!m_changedOnly || m_items[size_t(item)].state != State::Unchanged)
            m_shownTop.append(item);
    }
    updateShownRows(0);
    endResetModel();
}

void DiffTreeModel::clear()
{
    setDiff({}, {}, {});
}

void DiffTreeModel::setChangedOnly(bool changedOnly)
{
    if (changedOnly == m_changedOnly)
        return;
    m_changedOnly = changedOnly;
    QList<std::pair<int, int>> runs; // first and last position in m_top of unchanged rows
    for (int i = 0; i < m_top.size(); ++i) {
        if (m_items[size_t(m_top[i])].state != State::Unchanged)
            continue;
        if (!runs.isEmpty() && runs.last().second == i - 1)
            runs.last().second = i;
        else
            runs.append({i, i});
    }
    if (runs.size() > MaxRunSignals) {
        beginResetModel();
        m_shownTop.clear();
        for (const int item : std::as_const(m_top)) {
            if (!changedOnly || m_items[size_t(item)].state != State::Unchanged)
                m_shownTop.append(item);
        }
        updateShownRows(0);
        endResetModel();
        return;
    }
    if (changedOnly) {
        // All rows are shown: positions in m_top are rows. Last run first, so the rows before
        // each run keep their numbers.
        for (auto run = runs.crbegin(); run != runs.crend(); ++run) {
            beginRemoveRows({}, run->first, run->second);
            for (int i = run->first; i <= run->second; ++i)
                m_items[size_t(m_top[i])].row = -1;
            m_shownTop.remove(run->first, run->second - run->first + 1);
            updateShownRows(run->first);
            endRemoveRows();
        }
        return;
    }
    // First run first: once the runs before it are back, a run's rows are its places in m_top.
    for (const auto &run : std::as_const(runs)) {
        beginInsertRows({}, run.first, run.second);
        m_shownTop.insert(run.first, run.second - run.first + 1, -1);
        for (int i = run.first; i <= run.second; ++i)
            m_shownTop[i] = m_top[i];
        updateShownRows(run.first);
        endInsertRows();
    }
}

void DiffTreeModel::updateShownRows(int from)
{
    for (int row = from; row < m_shownTop.size(); ++row)
        m_items[size_t(m_shownTop[row])].row = row;
}

QString DiffTreeModel::summaryText() const
{
    if (m_old.isNull() || m_new.isNull())
        return {};
    if (m_changes.isEmpty())
        return tr("No changes");
    // Settings files: campaigns, and other sections (settings, groups); other JSON: top rows.
    int main = 0, others = 0, added = 0, removed = 0;
    for (const int index : std::as_const(m_top)) {
        const Item &item = m_items[size_t(index)];
        if (item.changeCount == 0)
            continue;
        if (item.campaign || !m_settingsFiles)
            ++main;
        else
            ++others;
        added += item.state == State::Added;
        removed += item.state == State::Removed;
    }
    QStringList where;
    if (main > 0 && m_settingsFiles)
        where.append(main == 1 ? tr("1 campaign") : tr("%1 campaigns").arg(main));
    else if (main > 0)
        where.append(main == 1 ? tr("1 top-level item") : tr("%1 top-level items").arg(main));
    if (others > 0)
        where.append(others == 1 ? tr("1 other section") : tr("%1 other sections").arg(others));
    QString text = tr("%1 in %2").arg(changesText(int(m_changes.size())), where.join(tr(" and ")));
    QStringList parts;
    if (added > 0)
        parts.append(tr("%1 added").arg(added));
    if (removed > 0)
        parts.append(tr("%1 removed").arg(removed));
    if (!parts.isEmpty())
        text = tr("%1: %2").arg(text, parts.join(tr(", ")));
    return text;
}

QModelIndex DiffTreeModel::indexForOldNode(int node) const
{
    return indexForNode(node, false);
}

QModelIndex DiffTreeModel::indexForNewNode(int node) const
{
    return indexForNode(node, true);
}

QModelIndex DiffTreeModel::indexForNode(int node, bool newSide) const
{
    const JsonTree &tree = newSide ? m_new : m_old;
    if (node < 0 || node >= tree.size())
        return {};
    // Subtrees are node ranges, so among the rows containing `node` the innermost starts last.
    const auto innermost = [&](const QList<int> &items) {
        int found = -1;
        int start = -1;
        for (const int index : items) {
            const Item &item = m_items[size_t(index)];
            const int at = newSide ? item.newNode : item.oldNode;
            if (at > start && at <= node && node < int(tree.node(at).next)) {
                found = index;
                start = at;
            }
        }
        return found;
    };
    int best = innermost(m_shownTop);
    if (best < 0)
        return {};
    for (int deeper = best; deeper >= 0; deeper = innermost(m_items[size_t(best)].children))
        best = deeper;
    return indexOfItem(best);
}

QModelIndex DiffTreeModel::indexOfItem(int item) const
{
    const int row = m_items[size_t(item)].row;
    return row < 0 ? QModelIndex() : createIndex(row, 0, quintptr(item));
}

QModelIndex DiffTreeModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_shownTop.size() ? createIndex(row, column, quintptr(m_shownTop[row]))
                                       : QModelIndex();
    if (parent.column() != ItemColumn)
        return {};
    const QList<int> &children = m_items[size_t(itemOf(parent))].children;
    return row < children.size() ? createIndex(row, column, quintptr(children[row]))
                                 : QModelIndex();
}

QModelIndex DiffTreeModel::parent(const QModelIndex &child) const
{
    if (!child.isValid())
        return {};
    const int parent = m_items[size_t(itemOf(child))].parent;
    return parent < 0 ? QModelIndex() : indexOfItem(parent);
}

int DiffTreeModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_shownTop.size());
    if (parent.column() != ItemColumn)
        return 0;
    return int(m_items[size_t(itemOf(parent))].children.size());
}

int DiffTreeModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

} // namespace hookbench
