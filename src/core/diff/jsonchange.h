#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <utility>

namespace hookbench {

enum class ChangeKind : quint8 {
    Added,
    Removed,
    Changed,
    Moved, // only its position changed (reported when DiffOptions::reportOrder asks)
};

// "added", "removed", "changed", "moved"
QString changeKindName(ChangeKind kind);

// One difference between two JSON documents, in the terms of what they describe.
struct JsonChange
{
    ChangeKind kind = ChangeKind::Changed;
    QString oldPath;     // RFC 6901 pointer in OLD ("" is the root; unset when added)
    QString newPath;     // in NEW (unset when removed)
    int oldNode = -1;    // the value's node in OLD's JsonTree, -1 when added
    int newNode = -1;    // in NEW's, -1 when removed
    QByteArray oldValue; // compact JSON, empty when added; an SDK key is "(hidden)"
    QByteArray newValue; // compact JSON, empty when removed
    // Where, outermost first, for a tree view: {"campaign checkout_cta", "variation Control"};
    // {"settings"} for top-level fields of a settings file, empty for other JSON.
    QStringList scope;
    // The JSON nodes of each scope level in OLD and NEW (-1 where absent), parallel to `scope`:
    // {Root, Root} for "settings", the campaign's and the variation's nodes above.
    QList<std::pair<int, int>> scopeNodes;
    // What, within the scope: "weight 50 → 25", "added (weight 20)", "goal purchase removed".
    QString detail;
    bool entity = false; // the change adds, removes or moves scope.last() itself
    // The whole line: "campaign checkout_cta: variation Control weight 50 → 25".
    QString sentence;

    // The pointer that locates it: in NEW when added, else in OLD.
    QString path() const { return kind == ChangeKind::Added ? newPath : oldPath; }
};

// "campaign x added (…)" when it is about the scope itself, "campaign x: status A → B" else.
QString changeSentence(const QStringList &scope, const QString &detail, bool entity);

struct DiffOptions
{
    bool reportOrder = false; // report changes of order alone, as ChangeKind::Moved
    bool generic = false;     // structural diff even for settings files
};

struct JsonDiff
{
    bool settingsFiles = false; // compared as VWO settings files (else structurally)
    // Grouped by scope (a campaign's changes are adjacent), in NEW's order, removals last.
    QList<JsonChange> changes;

    // No change apart from order: what `hookbench-cli diff` exits 0 on.
    bool isEmpty() const;
};

// The summary as text: one sentence a line (order-only changes included when reported).
QString diffSummaryText(const JsonDiff &diff);

} // namespace hookbench
