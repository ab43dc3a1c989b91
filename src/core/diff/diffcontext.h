#pragma once

#include "difflocation.h"
#include "jsonchange.h"
#include "jsontree.h"

#include <functional>

namespace hookbench {

// The semantic diff's working state: both trees, the options, the changes so far, and the
// generic comparison every part falls back to (objects by key, arrays by index, {} and []
// alike, numbers by value, strings by content). Settings-file rules plug in through hooks.
class DiffContext
{
public:
    enum class Style {
        Settings, // sentences name fields within a scope: "campaign x: percentTraffic 50 → 75"
        Pointer,  // any other JSON: "/config/timeout: 30 → 60"
    };

    DiffContext(const JsonTree &oldTree, const JsonTree &newTree, const DiffOptions &options,
                Style style);

    const JsonTree &oldTree() const { return m_old; }
    const JsonTree &newTree() const { return m_new; }
    const DiffOptions &options() const { return m_options; }
    QList<JsonChange> takeChanges() { return std::move(m_changes); }

    // Generic comparison of OLD's node o with NEW's node n.
    void compare(const DiffLocation &at, int o, int n);
    // A member hook sees every member first (o or n is -1 when the key is on one side only)
    // and returns true when it has dealt with it.
    using MemberHook =
        std::function<bool(const DiffLocation &at, const QByteArray &key, int o, int n)>;
    // Members of two objects (or an object and an empty array) matched by key; repeated keys
    // pair up in order.
    void compareMembers(const DiffLocation &at, int o, int n, const MemberHook &hook = {});

    // Same text as written (whitespace inside containers included): certainly the same value.
    bool identical(int o, int n) const { return m_old.raw(o) == m_new.raw(n); }
    // The settings files' "number or string" fields (ids, weight, accountId): 1, "1" and 1.0 alike.
    bool sameText(int o, int n) const;
    // Texts of a scalar, for identities: a string's content, other scalars as written.
    static QByteArray scalarText(const JsonTree &tree, int index);
    // A value for a sentence: JSON with ", " between items, cut to about 60 characters;
    // `bare` drops the quotes of a plain word ("RUNNING").
    static QString display(const JsonTree &tree, int index, bool bare);
    // Collection items of a node: an array's elements, nothing for {} or a missing node (-1).
    static QList<int> items(const JsonTree &tree, int index);

    // Recording changes: "field old → new", "field added (value)", "field removed (was value)".
    // Values and pointers come from `at` and the nodes.
    void changed(const DiffLocation &at, int o, int n);
    void added(const DiffLocation &at, int n);
    void removed(const DiffLocation &at, int o);
    // A change about `at.scope.last()` itself (entity) or a field, with its own words.
    JsonChange &record(ChangeKind kind, const DiffLocation &at, int o, int n, const QString &detail,
                       bool entity);

private:
    bool scalarEqual(int o, int n) const;
    void compareElements(const DiffLocation &at, int o, int n);
    QString fieldName(const DiffLocation &at, ChangeKind kind) const;

    const JsonTree &m_old;
    const JsonTree &m_new;
    DiffOptions m_options;
    Style m_style;
    QList<JsonChange> m_changes;
};

} // namespace hookbench
