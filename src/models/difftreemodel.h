#pragma once

#include "diff/jsonchange.h"
#include "diff/jsontree.h"

#include <QAbstractItemModel>
#include <QIcon>
#include <QList>

#include <array>
#include <vector>

namespace hookbench {

// The semantic diff of two JSON documents as a tree. Settings files: a row per campaign in NEW's
// order (unchanged ones too), removed campaigns after them, then a row per other section with
// changes ("settings", "group 12 (Pricing)", "campaignGroups"); below an entity its nested scopes
// (variation Control, goal purchase) and then a row per change. Other JSON: a row per top-level
// member (NEW's order, then removed ones) with its changes below. An entity added, removed or
// moved is its own row's state. "Changed only" hides the unchanged rows.
class DiffTreeModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { ItemColumn, ChangeColumn, OldColumn, NewColumn, ColumnCount };
    enum class State { Unchanged, Added, Removed, Changed, Moved, ContainsChanges };
    Q_ENUM(State)
    enum Role {
        StateRole = Qt::UserRole + 1, // State
        OldNodeRole,  // int: where the row is in OLD's JsonTree (an entity's node), -1 if absent
        NewNodeRole,  // int: in NEW's
        PointerRole,  // QString: RFC 6901 pointer, in NEW unless removed
        SentenceRole, // QString: the change's sentence; empty for rows that only hold changes
    };

    explicit DiffTreeModel(QObject *parent = nullptr);
    ~DiffTreeModel() override;

    // Shows `diff` of the two trees (a copy of each is kept: they share their data).
    void setDiff(const JsonTree &oldTree, const JsonTree &newTree, const JsonDiff &diff);
    void clear();

    bool changedOnly() const { return m_changedOnly; }
    // Hides (or shows again) the rows without changes: unchanged campaigns and members.
    void setChangedOnly(bool changedOnly);

    int changeCount() const { return int(m_changes.size()); } // semantic changes shown
    // "57 changes in 49 campaigns: 1 added, 1 removed", "No changes".
    QString summaryText() const;

    // The deepest shown row whose node contains `node` (a click in the text), or invalid.
    QModelIndex indexForOldNode(int node) const;
    QModelIndex indexForNewNode(int node) const;

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;

private:
    struct Item
    {
        QString label;
        QList<int> children; // item indices: nested scopes first, then changes
        int parent = -1;     // item index; -1 at the top
        int row = -1;        // among the parent's shown children
        int change = -1;     // the change this row is (a leaf, or an entity's own change)
        int oldNode = -1;
        int newNode = -1;
        int changeCount = 0; // changes in this row and below
        State state = State::Unchanged;
        bool campaign = false; // a campaign row (for the summary)
    };
    struct Rows
    {
        std::vector<Item> items;
        QList<int> top; // top-level items in order
    };
    class Builder;
    static Rows buildRows(const JsonTree &oldTree, const JsonTree &newTree,
                          const JsonDiff &diff); // difftreemodelbuild.cpp

    int itemOf(const QModelIndex &index) const { return int(index.internalId()); }
    QModelIndex indexOfItem(int item) const; // invalid while the row is hidden
    QModelIndex indexForNode(int node, bool newSide) const;
    void updateShownRows(int from); // the row numbers of m_shownTop[from…]

    // difftreemodeldata.cpp
    static QString changesText(int count); // "1 change", "3 changes"
    const JsonChange *changeOf(const Item &item) const;
    QString changeText(const Item &item) const;
    QString toolTip(const Item &item) const;
    QString pointer(const Item &item) const;
    QIcon icon(State state) const;

    JsonTree m_old;
    JsonTree m_new;
    QList<JsonChange> m_changes;
    bool m_settingsFiles = false;
    std::vector<Item> m_items;
    QList<int> m_top;      // top-level items in order, hidden ones included
    QList<int> m_shownTop; // the top-level rows
    bool m_changedOnly = false;
    mutable std::array<QIcon, 6> m_icons; // by State, drawn on first use
};

} // namespace hookbench
