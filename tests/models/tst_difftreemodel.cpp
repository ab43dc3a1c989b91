// DiffTreeModel over real VWO settings fixtures against edited copies of themselves, generic
// JSON and a large synthetic file, with QAbstractItemModelTester watching every change.
#include "diff/jsondiff.h"
#include "difftreemodel.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QFile>
#include <QIcon>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <functional>
#include <memory>
#include <optional>

using namespace hookbench;
using State = DiffTreeModel::State;

namespace {

const QString Arrow = QStringLiteral(" \u2192 ");

QStringList strings(std::initializer_list<const char *> texts)
{
    QStringList list;
    for (const char *text : texts)
        list.append(QString::fromUtf8(text));
    return list;
}

QString fixturesDir()
{
    return QStringLiteral(HOOKBENCH_FIXTURES_DIR "/vwo-settings");
}

QByteArray readFixture(const QString &name)
{
    QFile file(fixturesDir() + QLatin1Char('/') + name);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(name));
    return file.readAll();
}

QJsonObject campaignAt(const QJsonObject &root, int i)
{
    return root.value(QLatin1String("campaigns")).toArray().at(i).toObject();
}

QJsonObject withCampaign(QJsonObject root, int i, const QJsonObject &campaign)
{
    QJsonArray campaigns = root.value(QLatin1String("campaigns")).toArray();
    if (i < 0)
        campaigns.append(campaign);
    else
        campaigns[i] = campaign;
    root[QLatin1String("campaigns")] = campaigns;
    return root;
}

QJsonObject withoutCampaign(QJsonObject root, int i)
{
    QJsonArray campaigns = root.value(QLatin1String("campaigns")).toArray();
    campaigns.removeAt(i);
    root[QLatin1String("campaigns")] = campaigns;
    return root;
}

// The first campaign with a non-empty list `key` ("variations", "goals"), or -1.
int firstWith(const QJsonObject &root, const char *key)
{
    const QJsonArray campaigns = root.value(QLatin1String("campaigns")).toArray();
    for (int i = 0; i < campaigns.size(); ++i) {
        if (!campaigns.at(i).toObject().value(QLatin1String(key)).toArray().isEmpty())
            return i;
    }
    return -1;
}

// What an edit expects: the top row it touches, its state, and below it (optionally) a row
// path of labels ending in the changed row and that row's state.
struct Expect
{
    int row = -1; // the top row, -1: the last one
    State topState = State::ContainsChanges;
    QStringList path; // labels below the top row
    State leafState = State::Changed;
};

struct Edit
{
    QJsonObject document;
    Expect expect;
};

using Editor = std::function<std::optional<Edit>(const QJsonObject &root)>;

QList<std::pair<const char *, Editor>> editors()
{
    return {
        {"traffic changed",
         [](const QJsonObject &root) -> std::optional<Edit> {
             if (root.value(QLatin1String("campaigns")).toArray().isEmpty())
                 return std::nullopt;
             QJsonObject campaign = campaignAt(root, 0);
             const double old = campaign.value(QLatin1String("percentTraffic")).toDouble();
             const double now = old == 75 ? 25 : 75;
             campaign[QLatin1String("percentTraffic")] = now;
             const QString label = QLatin1String("percentTraffic ") + QString::number(old) + Arrow +
                                   QString::number(now);
             return Edit{withCampaign(root, 0, campaign),
                         {0, State::ContainsChanges, {label}, State::Changed}};
         }},
        {"campaign added",
         [](const QJsonObject &root) -> std::optional<Edit> {
             if (root.value(QLatin1String("campaigns")).toArray().isEmpty())
                 return std::nullopt;
             QJsonObject campaign = campaignAt(root, 0);
             campaign[QLatin1String("key")] = QStringLiteral("tree_test_added");
             campaign[QLatin1String("id")] = 987654;
             return Edit{withCampaign(root, -1, campaign), {-1, State::Added, {}, {}}};
         }},
        {"campaign removed",
         [](const QJsonObject &root) -> std::optional<Edit> {
             const int count = int(root.value(QLatin1String("campaigns")).toArray().size());
             if (count == 0)
                 return std::nullopt;
             return Edit{withoutCampaign(root, count - 1), {-1, State::Removed, {}, {}}};
         }},
        {"variation weight changed",
         [](const QJsonObject &root) -> std::optional<Edit> {
             const int c = firstWith(root, "variations");
             if (c < 0)
                 return std::nullopt;
             QJsonObject campaign = campaignAt(root, c);
             QJsonArray variations = campaign.value(QLatin1String("variations")).toArray();
             QJsonObject variation = variations.at(0).toObject();
             const double old = variation.value(QLatin1String("weight")).toDouble();
             variation[QLatin1String("weight")] = 7;
             variations[0] = variation;
             campaign[QLatin1String("variations")] = variations;
             const QString name = variation.value(QLatin1String("name")).toString();
             return Edit{
                 withCampaign(root, c, campaign),
                 {c,
                  State::ContainsChanges,
                  {QLatin1String("variation ") + name,
                   QLatin1String("weight ") + QString::number(old) + Arrow + QLatin1String("7")},
                  State::Changed}};
         }},
        {"goal removed",
         [](const QJsonObject &root) -> std::optional<Edit> {
             const int c = firstWith(root, "goals");
             if (c < 0)
                 return std::nullopt;
             QJsonObject campaign = campaignAt(root, c);
             QJsonArray goals = campaign.value(QLatin1String("goals")).toArray();
             const QString goal =
                 goals.at(0).toObject().value(QLatin1String("identifier")).toString();
             goals.removeAt(0);
             campaign[QLatin1String("goals")] = goals;
             return Edit{
                 withCampaign(root, c, campaign),
                 {c, State::ContainsChanges, {QLatin1String("goal ") + goal}, State::Removed}};
         }},
    };
}

QByteArray dump(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

JsonTree parsed(const QByteArray &bytes)
{
    const JsonTree tree = JsonTree::parse(bytes);
    if (tree.isNull())
        qFatal("test data: invalid JSON");
    return tree;
}

State stateAt(const QModelIndex &index)
{
    return index.data(DiffTreeModel::StateRole).value<State>();
}

QString text(const QModelIndex &index, int column = DiffTreeModel::ItemColumn)
{
    return index.siblingAtColumn(column).data().toString();
}

QStringList topLabels(const QAbstractItemModel &model)
{
    QStringList labels;
    for (int row = 0; row < model.rowCount(); ++row)
        labels.append(text(model.index(row, 0)));
    return labels;
}

// The child of `parent` labelled `label`, or invalid.
QModelIndex childLabelled(const QAbstractItemModel &model, const QModelIndex &parent,
                          const QString &label)
{
    for (int row = 0; row < model.rowCount(parent); ++row) {
        if (text(model.index(row, 0, parent)) == label)
            return model.index(row, 0, parent);
    }
    return {};
}

// A model with a fatal tester attached for as long as it lives.
struct Watched
{
    DiffTreeModel model;
    QAbstractItemModelTester tester{&model, QAbstractItemModelTester::FailureReportingMode::Fatal};
};

// Every row against the diff: each change is exactly one row's own, with its nodes at its
// pointers; rows inside an entity point below the entity's nodes.
void checkRows(const DiffTreeModel &model, const JsonTree &oldTree, const JsonTree &newTree,
               const JsonDiff &diff)
{
    QList<bool> used(diff.changes.size(), false);
    int changeRows = 0;
    std::function<void(const QModelIndex &)> walk = [&](const QModelIndex &parent) {
        for (int row = 0; row < model.rowCount(parent); ++row) {
            const QModelIndex index = model.index(row, 0, parent);
            const State state = stateAt(index);
            const int oldNode = index.data(DiffTreeModel::OldNodeRole).toInt();
            const int newNode = index.data(DiffTreeModel::NewNodeRole).toInt();
            const QString sentence = index.data(DiffTreeModel::SentenceRole).toString();
            QVERIFY(!text(index).isEmpty());
            if (state == State::Unchanged) {
                QVERIFY(sentence.isEmpty());
                QCOMPARE(model.rowCount(index), 0);
                QVERIFY(text(index, DiffTreeModel::ChangeColumn).isEmpty());
            } else if (state == State::ContainsChanges) {
                QVERIFY(sentence.isEmpty());
                QVERIFY(model.rowCount(index) > 0);
                QVERIFY(
                    text(index, DiffTreeModel::ChangeColumn).endsWith(QLatin1String("change")) ||
                    text(index, DiffTreeModel::ChangeColumn).endsWith(QLatin1String("changes")));
            } else {
                ++changeRows;
                qsizetype found = -1;
                for (qsizetype i = 0; i < diff.changes.size() && found < 0; ++i) {
                    if (!used[i] && diff.changes[i].sentence == sentence)
                        found = i;
                }
                QVERIFY2(found >= 0, qPrintable(sentence));
                used[found] = true;
                const JsonChange &change = diff.changes[found];
                QCOMPARE(index.data(Qt::ToolTipRole).toString().section(QLatin1Char('\n'), 0, 0),
                         sentence);
                QCOMPARE(index.data(DiffTreeModel::PointerRole).toString(),
                         change.kind == ChangeKind::Removed ? change.oldPath : change.newPath);
                QCOMPARE(oldNode >= 0 ? oldTree.pointer(oldNode) : QString(), change.oldPath);
                QCOMPARE(newNode >= 0 ? newTree.pointer(newNode) : QString(), change.newPath);
                QCOMPARE(text(index, DiffTreeModel::OldColumn).isEmpty(),
                         change.oldValue.isEmpty());
                QCOMPARE(text(index, DiffTreeModel::NewColumn).isEmpty(),
                         change.newValue.isEmpty());
                QVERIFY(text(index, DiffTreeModel::OldColumn).size() <= 80);
            }
            // Unchanged rows too (a blank badge keeps the labels in line).
            QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
            if (parent.isValid()) {
                const int parentOld = parent.data(DiffTreeModel::OldNodeRole).toInt();
                const int parentNew = parent.data(DiffTreeModel::NewNodeRole).toInt();
                if (oldNode >= 0 && parentOld >= 0)
                    QVERIFY(oldTree.pointer(oldNode).startsWith(oldTree.pointer(parentOld)));
                if (newNode >= 0 && parentNew >= 0)
                    QVERIFY(newTree.pointer(newNode).startsWith(newTree.pointer(parentNew)));
            }
            walk(index);
        }
    };
    walk({});
    QCOMPARE(changeRows, diff.changes.size());
    QCOMPARE(model.changeCount(), diff.changes.size());
}

// "changed only" hides exactly the unchanged top rows and brings them back in their places.
void checkChangedOnly(DiffTreeModel &model)
{
    const QStringList all = topLabels(model);
    QStringList changed;
    for (int row = 0; row < model.rowCount(); ++row) {
        if (stateAt(model.index(row, 0)) != State::Unchanged)
            changed.append(text(model.index(row, 0)));
    }
    model.setChangedOnly(true);
    QVERIFY(model.changedOnly());
    QCOMPARE(topLabels(model), changed);
    model.setChangedOnly(false);
    QCOMPARE(topLabels(model), all);
}

const QByteArray Campaign = R"({"id": 1, "key": "%1", "status": "RUNNING", "type": "VISUAL_AB",
"percentTraffic": 50, "goals": [{"identifier": "purchase", "id": 3, "type": "CUSTOM_GOAL"}],
"variations": [{"id": 1, "name": "Control", "weight": 50, "changes": {}},
               {"id": 2, "name": "B", "weight": 50, "changes": {}}], "segments": {}%2})";

QByteArray campaign(const QByteArray &key, const QByteArray &more = {})
{
    return QString::fromUtf8(Campaign)
        .arg(QString::fromUtf8(key), QString::fromUtf8(more))
        .toUtf8();
}

QByteArray settings(const QByteArrayList &campaigns, const QByteArray &extra = {})
{
    return R"({"version": 1, "accountId": 888, )" + extra + R"("campaigns": [)" +
           campaigns.join(',') + "]}";
}

} // namespace

class tst_DiffTreeModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void fixtureEdits_data();
    void fixtureEdits();
    void identicalFiles_data();
    void identicalFiles();
    void summaryAndSections();
    void nestedScopes();
    void movedOnlyWhenReported();
    void genericJson();
    void genericRoots();
    void nodesToRows();
    void largeFile();
    void headersAndClear();
};

void tst_DiffTreeModel::fixtureEdits_data()
{
    QTest::addColumn<QByteArray>("before");
    QTest::addColumn<QByteArray>("after");
    QTest::addColumn<int>("row");
    QTest::addColumn<int>("topState");
    QTest::addColumn<QStringList>("path");
    QTest::addColumn<int>("leafState");
    const QStringList names = QDir(fixturesDir()).entryList({QStringLiteral("*.json")});
    QVERIFY(names.size() >= 10);
    int rows = 0;
    for (const QString &name : names) {
        const QByteArray bytes = readFixture(name);
        const QJsonObject root = QJsonDocument::fromJson(bytes).object();
        for (const auto &[label, editor] : editors()) {
            const std::optional<Edit> edit = editor(root);
            if (!edit)
                continue;
            QTest::addRow("%s: %s", qPrintable(name), label)
                << bytes << dump(edit->document) << edit->expect.row << int(edit->expect.topState)
                << edit->expect.path << int(edit->expect.leafState);
            ++rows;
        }
    }
    QVERIFY(rows >= 40);
}

void tst_DiffTreeModel::fixtureEdits()
{
    QFETCH(QByteArray, before);
    QFETCH(QByteArray, after);
    QFETCH(int, row);
    QFETCH(int, topState);
    QFETCH(QStringList, path);
    QFETCH(int, leafState);
    const JsonTree oldTree = parsed(before);
    const JsonTree newTree = parsed(after);
    const JsonDiff diff = diffJson(oldTree, newTree);
    QVERIFY(diff.settingsFiles);
    QCOMPARE(diff.changes.size(), 1);

    Watched watched;
    DiffTreeModel &model = watched.model;
    model.setDiff(oldTree, newTree, diff);
    checkRows(model, oldTree, newTree, diff);

    // A row per campaign: NEW's in order, then the removed one.
    const int newCount = newTree.childCount(newTree.member(JsonTree::Root, "campaigns"));
    const bool removed = State(topState) == State::Removed;
    QCOMPARE(model.rowCount(), newCount + (removed ? 1 : 0));
    for (int r = 0; r < newCount; ++r) {
        const QModelIndex index = model.index(r, 0);
        const int node = index.data(DiffTreeModel::NewNodeRole).toInt();
        QCOMPARE(newTree.pointer(node), QStringLiteral("/campaigns/%1").arg(r));
        const QByteArray key = newTree.text(newTree.member(node, "key"));
        QCOMPARE(text(index), QLatin1String("campaign ") + QString::fromUtf8(key));
        // Unchanged campaigns know their OLD node too.
        const int oldNode = index.data(DiffTreeModel::OldNodeRole).toInt();
        if (stateAt(index) != State::Added) {
            QVERIFY(oldNode >= 0);
            QCOMPARE(oldTree.text(oldTree.member(oldNode, "key")), key);
        }
    }

    const QModelIndex top = model.index(row < 0 ? model.rowCount() - 1 : row, 0);
    QCOMPARE(stateAt(top), State(topState));
    for (int r = 0; r < model.rowCount(); ++r) {
        if (r != top.row())
            QCOMPARE(stateAt(model.index(r, 0)), State::Unchanged);
    }
    if (path.isEmpty()) { // the campaign itself, added or removed: its row has the change
        QCOMPARE(model.rowCount(top), 0);
        const QString change = text(top, DiffTreeModel::ChangeColumn);
        QVERIFY2(change.startsWith(removed ? QLatin1String("removed") : QLatin1String("added")),
                 qPrintable(change));
        QCOMPARE(top.data(Qt::ToolTipRole).toString(), diff.changes[0].sentence);
        QVERIFY(text(top, removed ? DiffTreeModel::OldColumn : DiffTreeModel::NewColumn)
                    .startsWith(QLatin1Char('{')));
        QCOMPARE(top.data(DiffTreeModel::PointerRole).toString(),
                 removed ? diff.changes[0].oldPath : diff.changes[0].newPath);
        QCOMPARE(text(top), diff.changes[0].scope.first());
    } else {
        QCOMPARE(text(top, DiffTreeModel::ChangeColumn), QStringLiteral("1 change"));
        QCOMPARE(top.data(Qt::ToolTipRole).toString(), QStringLiteral("1 change"));
        QModelIndex at = top;
        for (const QString &label : std::as_const(path)) {
            QCOMPARE(model.rowCount(at), 1);
            at = childLabelled(model, at, label);
            QVERIFY2(at.isValid(), qPrintable(label));
        }
        QCOMPARE(stateAt(at), State(leafState));
        QCOMPARE(model.rowCount(at), 0);
        QCOMPARE(at.data(DiffTreeModel::SentenceRole).toString(), diff.changes[0].sentence);
    }
    checkChangedOnly(model);
    QCOMPARE(model.changeCount(), 1);
}

void tst_DiffTreeModel::identicalFiles_data()
{
    QTest::addColumn<QByteArray>("bytes");
    for (const QString &name : QDir(fixturesDir()).entryList({QStringLiteral("*.json")}))
        QTest::addRow("%s", qPrintable(name)) << readFixture(name);
}

void tst_DiffTreeModel::identicalFiles()
{
    QFETCH(QByteArray, bytes);
    const JsonTree oldTree = parsed(bytes);
    // Re-dumped: another layout and key order, still no change.
    const JsonTree newTree = parsed(QJsonDocument::fromJson(bytes).toJson());
    const JsonDiff diff = diffJson(oldTree, newTree);
    QVERIFY(diff.changes.isEmpty());

    Watched watched;
    DiffTreeModel &model = watched.model;
    model.setDiff(oldTree, newTree, diff);
    const int campaigns = newTree.childCount(newTree.member(JsonTree::Root, "campaigns"));
    QCOMPARE(model.rowCount(), campaigns);
    for (int row = 0; row < model.rowCount(); ++row) {
        const QModelIndex index = model.index(row, 0);
        QCOMPARE(stateAt(index), State::Unchanged);
        QCOMPARE(model.rowCount(index), 0);
        QCOMPARE(oldTree.pointer(index.data(DiffTreeModel::OldNodeRole).toInt()),
                 newTree.pointer(index.data(DiffTreeModel::NewNodeRole).toInt()));
    }
    QCOMPARE(model.summaryText(), QStringLiteral("No changes"));
    model.setChangedOnly(true);
    QCOMPARE(model.rowCount(), 0);
    model.setChangedOnly(false);
    QCOMPARE(model.rowCount(), campaigns);
}

void tst_DiffTreeModel::summaryAndSections()
{
    // Traffic of a changed, c removed, d added, and a top-level field and a group changed.
    const QByteArray groups = R"("groups": {"12": {"name": "Pricing", "campaigns": [1]}}, )";
    const QByteArray before = settings({campaign("a"), campaign("b"), campaign("c")}, groups);
    QByteArray after = settings({campaign("a", R"(, "isOB": true)"), campaign("b"), campaign("d")},
                                QByteArray(groups).replace("[1]", "[1, 2]"));
    after.replace(R"("version": 1)", R"("version": 2)");
    const JsonTree oldTree = parsed(before);
    const JsonTree newTree = parsed(after);
    const JsonDiff diff = diffJson(oldTree, newTree);
    QCOMPARE(diff.changes.size(), 5);

    Watched watched;
    DiffTreeModel &model = watched.model;
    model.setDiff(oldTree, newTree, diff);
    checkRows(model, oldTree, newTree, diff);
    QCOMPARE(topLabels(model), strings({"campaign a", "campaign b", "campaign d", "campaign c",
                                        "settings", "group 12 (Pricing)"}));
    QCOMPARE(stateAt(model.index(0, 0)), State::ContainsChanges);
    QCOMPARE(stateAt(model.index(1, 0)), State::Unchanged);
    QCOMPARE(stateAt(model.index(2, 0)), State::Added);
    QCOMPARE(stateAt(model.index(3, 0)), State::Removed);
    QCOMPARE(model.index(3, 0).data(DiffTreeModel::NewNodeRole).toInt(), -1);

    const QModelIndex settingsRow = model.index(4, 0);
    QCOMPARE(stateAt(settingsRow), State::ContainsChanges);
    QCOMPARE(settingsRow.data(DiffTreeModel::NewNodeRole).toInt(), JsonTree::Root);
    QCOMPARE(text(model.index(0, 0, settingsRow)),
             QLatin1String("version 1") + Arrow + QLatin1String("2"));
    QCOMPARE(text(model.index(0, 0, settingsRow), DiffTreeModel::OldColumn), QStringLiteral("1"));
    QCOMPARE(text(model.index(0, 0, settingsRow), DiffTreeModel::NewColumn), QStringLiteral("2"));
    QCOMPARE(text(model.index(0, 0, settingsRow), DiffTreeModel::ChangeColumn),
             QStringLiteral("changed"));

    const QModelIndex group = model.index(5, 0);
    QCOMPARE(newTree.pointer(group.data(DiffTreeModel::NewNodeRole).toInt()),
             QStringLiteral("/groups/12"));
    QCOMPARE(oldTree.pointer(group.data(DiffTreeModel::OldNodeRole).toInt()),
             QStringLiteral("/groups/12"));
    QCOMPARE(text(model.index(0, 0, group)),
             QLatin1String("campaigns [1]") + Arrow + QLatin1String("[1, 2]"));

    QCOMPARE(text(model.index(0, 0, model.index(0, 0))), QStringLiteral("isOB added (true)"));
    QCOMPARE(stateAt(model.index(0, 0, model.index(0, 0))), State::Added);
    QCOMPARE(model.summaryText(),
             QStringLiteral("5 changes in 3 campaigns and 2 other sections: 1 added, 1 removed"));
    checkChangedOnly(model);
    model.setChangedOnly(true);
    QCOMPARE(model.rowCount(), 5);
    // A new diff keeps the filter.
    model.setDiff(oldTree, oldTree, diffJson(oldTree, oldTree));
    QCOMPARE(model.rowCount(), 0);
}

void tst_DiffTreeModel::nestedScopes()
{
    const QByteArray before = settings({campaign("a")});
    QByteArray after = before;
    after.replace(R"("weight": 50, "changes": {}},)",
                  R"("weight": 40, "changes": {}, "variables": [{"id": 1, "key": "V", "type": )"
                  R"("string", "value": "on"}]},)");
    const JsonTree oldTree = parsed(before);
    const JsonTree newTree = parsed(after);
    const JsonDiff diff = diffJson(oldTree, newTree);
    QCOMPARE(diff.changes.size(), 2);

    Watched watched;
    DiffTreeModel &model = watched.model;
    model.setDiff(oldTree, newTree, diff);
    checkRows(model, oldTree, newTree, diff);
    const QModelIndex a = model.index(0, 0);
    QCOMPARE(text(a, DiffTreeModel::ChangeColumn), QStringLiteral("2 changes"));
    QCOMPARE(model.rowCount(a), 1);
    const QModelIndex control = model.index(0, 0, a);
    QCOMPARE(text(control), QStringLiteral("variation Control"));
    QCOMPARE(newTree.pointer(control.data(DiffTreeModel::NewNodeRole).toInt()),
             QStringLiteral("/campaigns/0/variations/0"));
    QCOMPARE(control.data(DiffTreeModel::PointerRole).toString(),
             QStringLiteral("/campaigns/0/variations/0"));
    // Nested scopes first, then the changes of the scope itself.
    QCOMPARE(model.rowCount(control), 2);
    const QModelIndex variable = model.index(0, 0, control);
    QCOMPARE(text(variable), QStringLiteral("variable V"));
    QCOMPARE(stateAt(variable), State::Added);
    QCOMPARE(text(variable, DiffTreeModel::ChangeColumn), QStringLiteral("added (string, \"on\")"));
    QCOMPARE(model.rowCount(variable), 0);
    QCOMPARE(text(model.index(1, 0, control)),
             QLatin1String("weight 50") + Arrow + QLatin1String("40"));
}

void tst_DiffTreeModel::movedOnlyWhenReported()
{
    const QByteArray before = settings({campaign("a"), campaign("b"), campaign("c")});
    const QByteArray after = settings({campaign("c"), campaign("a"), campaign("b")});
    const JsonTree oldTree = parsed(before);
    const JsonTree newTree = parsed(after);

    Watched watched;
    DiffTreeModel &model = watched.model;
    model.setDiff(oldTree, newTree, diffJson(oldTree, newTree));
    QCOMPARE(topLabels(model), strings({"campaign c", "campaign a", "campaign b"}));
    for (int row = 0; row < 3; ++row)
        QCOMPARE(stateAt(model.index(row, 0)), State::Unchanged);

    DiffOptions options;
    options.reportOrder = true;
    const JsonDiff diff = diffJson(oldTree, newTree, options);
    model.setDiff(oldTree, newTree, diff);
    checkRows(model, oldTree, newTree, diff);
    QCOMPARE(stateAt(model.index(0, 0)), State::Moved);
    QCOMPARE(text(model.index(0, 0), DiffTreeModel::ChangeColumn),
             QStringLiteral("moved from index 2 to 0"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 0);
    checkChangedOnly(model);
}

void tst_DiffTreeModel::genericJson()
{
    const JsonTree oldTree = parsed(R"({"a": 1, "b": [1, 2], "d": {"x/y": 1}, "e": 5})");
    const JsonTree newTree = parsed(R"({"a": 2, "b": [1, 2, 3], "c": true, "d": {"x/y": 1}})");
    const JsonDiff diff = diffJson(oldTree, newTree);
    QVERIFY(!diff.settingsFiles);

    Watched watched;
    DiffTreeModel &model = watched.model;
    model.setDiff(oldTree, newTree, diff);
    checkRows(model, oldTree, newTree, diff);
    QCOMPARE(topLabels(model), strings({"a", "b", "c", "d", "e"}));
    QCOMPARE(stateAt(model.index(0, 0)), State::Changed);
    QCOMPARE(text(model.index(0, 0), DiffTreeModel::OldColumn), QStringLiteral("1"));
    QCOMPARE(text(model.index(0, 0), DiffTreeModel::NewColumn), QStringLiteral("2"));
    const QModelIndex b = model.index(1, 0);
    QCOMPARE(stateAt(b), State::ContainsChanges);
    QCOMPARE(text(model.index(0, 0, b)), QStringLiteral("/2 added (3)"));
    QCOMPARE(stateAt(model.index(2, 0)), State::Added);
    const QModelIndex d = model.index(3, 0);
    QCOMPARE(stateAt(d), State::Unchanged);
    QCOMPARE(oldTree.pointer(d.data(DiffTreeModel::OldNodeRole).toInt()), QStringLiteral("/d"));
    QCOMPARE(d.data(DiffTreeModel::PointerRole).toString(), QStringLiteral("/d"));
    QCOMPARE(stateAt(model.index(4, 0)), State::Removed);
    QCOMPARE(model.summaryText(),
             QStringLiteral("4 changes in 4 top-level items: 1 added, 1 removed"));
    checkChangedOnly(model);
    model.setChangedOnly(true);
    QCOMPARE(topLabels(model), strings({"a", "b", "c", "e"}));
}

void tst_DiffTreeModel::genericRoots()
{
    Watched watched;
    DiffTreeModel &model = watched.model;
    const auto show = [&](const QByteArray &before, const QByteArray &after) {
        const JsonTree oldTree = parsed(before);
        const JsonTree newTree = parsed(after);
        const JsonDiff diff = diffJson(oldTree, newTree);
        model.setDiff(oldTree, newTree, diff);
        checkRows(model, oldTree, newTree, diff);
    };
    show("[1, 2, 3]", "[1, 3]");
    QCOMPARE(topLabels(model), strings({"[0]", "[1]", "[2]"}));
    QCOMPARE(stateAt(model.index(0, 0)), State::Unchanged);
    QCOMPARE(stateAt(model.index(1, 0)), State::Changed);
    QCOMPARE(stateAt(model.index(2, 0)), State::Removed);
    show(R"({"a": 1})", "[1]");
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(stateAt(model.index(0, 0)), State::Changed);
    QCOMPARE(text(model.index(0, 0), DiffTreeModel::NewColumn), QStringLiteral("[1]"));
    show(R"({"a/b": {"c~d": 1}, "x": 1})", R"({"a\/b": {"c~d": 2}, "x": 1})");
    QCOMPARE(topLabels(model), strings({"a/b", "x"}));
    QCOMPARE(text(model.index(0, 0, model.index(0, 0))),
             QLatin1String("/c~0d: 1") + Arrow + QLatin1String("2"));
    show("1", "2");
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(text(model.index(0, 0), DiffTreeModel::OldColumn), QStringLiteral("1"));
    QCOMPARE(model.summaryText(), QStringLiteral("1 change in 1 top-level item"));
    show("1", "1.0");
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.summaryText(), QStringLiteral("No changes"));
}

void tst_DiffTreeModel::nodesToRows()
{
    const QByteArray before = settings({campaign("a"), campaign("b")});
    QByteArray after = before;
    after.replace(R"("percentTraffic": 50)", R"("percentTraffic": 60)"); // both campaigns
    after.replace(R"("key": "b", "status": "RUNNING")", R"("key": "b", "status": "PAUSED")");
    const JsonTree oldTree = parsed(before);
    const JsonTree newTree = parsed(after);
    const JsonDiff diff = diffJson(oldTree, newTree);

    Watched watched;
    DiffTreeModel &model = watched.model;
    model.setDiff(oldTree, newTree, diff);
    for (const JsonChange &change : diff.changes) {
        const QModelIndex index = model.indexForNewNode(change.newNode);
        QCOMPARE(index.data(DiffTreeModel::SentenceRole).toString(), change.sentence);
        QCOMPARE(model.indexForOldNode(change.oldNode), index);
    }
    // Inside a campaign but not a change: the campaign's row.
    const int goal = newTree.member(newTree.element(newTree.member(0, "campaigns"), 1), "goals");
    QCOMPARE(model.indexForNewNode(goal), model.index(1, 0));
    QVERIFY(!model.indexForNewNode(newTree.member(0, "version")).isValid());
    QVERIFY(!model.indexForNewNode(-1).isValid());
}

void tst_DiffTreeModel::largeFile()
{
    // 5,000 campaigns, every other one changed: too many runs to hide one by one (a reset); then
    // one change in the middle (two runs, removed as rows).
    QByteArrayList oldCampaigns, newCampaigns, oneChanged;
    for (int i = 0; i < 5000; ++i) {
        const QByteArray key = "c" + QByteArray::number(i);
        oldCampaigns.append(campaign(key));
        newCampaigns.append(i % 2 ? campaign(key, R"(, "isOB": true)") : campaign(key));
        oneChanged.append(i == 2500 ? campaign(key, R"(, "isOB": true)") : campaign(key));
    }
    const JsonTree oldTree = parsed(settings(oldCampaigns));
    for (const QByteArrayList &edited : {newCampaigns, oneChanged}) {
        const JsonTree newTree = parsed(settings(edited));
        const JsonDiff diff = diffJson(oldTree, newTree);
        Watched watched;
        DiffTreeModel &model = watched.model;
        model.setDiff(oldTree, newTree, diff);
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(model.changeCount(), diff.changes.size());
        model.setChangedOnly(true);
        QCOMPARE(model.rowCount(), diff.changes.size());
        QCOMPARE(text(model.index(0, 0)), diff.changes.size() == 1
                                              ? QStringLiteral("campaign c2500")
                                              : QStringLiteral("campaign c1"));
        QCOMPARE(model.index(0, 0).parent(), QModelIndex());
        QCOMPARE(model.parent(model.index(0, 0, model.index(0, 0))), model.index(0, 0));
        model.setChangedOnly(false);
        QCOMPARE(model.rowCount(), 5000);
        QCOMPARE(text(model.index(4999, 0)), QStringLiteral("campaign c4999"));
        const int changed = diff.changes.size() == 1 ? 2500 : 2501;
        QCOMPARE(model.parent(model.index(0, 0, model.index(changed, 0))), model.index(changed, 0));
    }
}

void tst_DiffTreeModel::headersAndClear()
{
    Watched watched;
    DiffTreeModel &model = watched.model;
    QCOMPARE(model.columnCount(), 4);
    QCOMPARE(model.headerData(0, Qt::Horizontal).toString(), QStringLiteral("Item"));
    QCOMPARE(model.headerData(1, Qt::Horizontal).toString(), QStringLiteral("Change"));
    QCOMPARE(model.headerData(2, Qt::Horizontal).toString(), QStringLiteral("Old"));
    QCOMPARE(model.headerData(3, Qt::Horizontal).toString(), QStringLiteral("New"));
    QCOMPARE(model.rowCount(), 0);
    QVERIFY(model.summaryText().isEmpty());
    const JsonTree tree = parsed(readFixture(QStringLiteral("mutually-exclusive-groups.json")));
    model.setDiff(tree, tree, diffJson(tree, tree));
    QCOMPARE(model.rowCount(), 5);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.changeCount(), 0);
}

QTEST_MAIN(tst_DiffTreeModel)
#include "tst_difftreemodel.moc"
