// DiffWindow's actions, menus, toolbar and layout.

#include "diff/diffjob.h"
#include "difftextview.h"
#include "difftreemodel.h"
#include "diffwindow.h"
#include "inlinemessage.h"

#include <QAction>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStatusBar>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace hookbench {

namespace {

// A checkable action whose state outlives the window (QSettings "diff/<key>").
QAction *persistentToggle(QObject *parent, const QString &text, const QString &key, bool byDefault,
                          const QString &toolTip)
{
    auto *action = new QAction(text, parent);
    action->setCheckable(true);
    action->setChecked(QSettings().value(QStringLiteral("diff/") + key, byDefault).toBool());
    action->setToolTip(toolTip);
    QObject::connect(action, &QAction::toggled, action,
                     [key](bool on) { QSettings().setValue(QStringLiteral("diff/") + key, on); });
    return action;
}

} // namespace

void DiffWindow::createActions()
{
    m_openOld =
        new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open &Old…"), this);
    m_openOld->setShortcut(QKeySequence::Open);
    m_openOld->setToolTip(tr("Choose the file shown on the left"));
    connect(m_openOld, &QAction::triggered, this, [this] { chooseFile(true); });
    m_openNew =
        new QAction(QIcon::fromTheme(QStringLiteral("document-open")), tr("Open &New…"), this);
    m_openNew->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_O));
    m_openNew->setToolTip(tr("Choose the file shown on the right"));
    connect(m_openNew, &QAction::triggered, this, [this] { chooseFile(false); });
    m_swap = new QAction(QIcon::fromTheme(QStringLiteral("object-flip-horizontal")),
                         tr("&Swap Sides"), this);
    m_swap->setObjectName(QStringLiteral("swapSidesAction"));
    m_swap->setToolTip(tr("Compare the other way round: new on the left, old on the right"));
    connect(m_swap, &QAction::triggered, this, [this] {
        std::swap(m_old, m_new);
        restart();
    });

    m_previousChange =
        new QAction(QIcon::fromTheme(QStringLiteral("go-up")), tr("&Previous Change"), this);
    m_previousChange->setShortcut(QKeySequence(Qt::SHIFT | Qt::Key_F7));
    m_nextChange =
        new QAction(QIcon::fromTheme(QStringLiteral("go-down")), tr("&Next Change"), this);
    m_nextChange->setShortcut(QKeySequence(Qt::Key_F7));

    m_ignoreOrder = persistentToggle(
        this, tr("Ignore &Order"), QStringLiteral("ignoreOrder"), true,
        tr("A change of order alone is no change: the tree leaves out moves and the text is "
           "shown with keys sorted"));
    m_ignoreWhitespace =
        persistentToggle(this, tr("Ignore &Whitespace"), QStringLiteral("ignoreWhitespace"), false,
                         tr("The text comparison ignores spaces and tabs within lines"));
    m_changedOnly = persistentToggle(this, tr("&Changed Only"), QStringLiteral("changedOnly"), true,
                                     tr("The tree lists only what changed"));
    for (QAction *toggle : {m_ignoreOrder, m_ignoreWhitespace})
        connect(toggle, &QAction::toggled, this, &DiffWindow::restart);

    QMenu *file = menuBar()->addMenu(tr("&File"));
    file->addAction(m_openOld);
    file->addAction(m_openNew);
    file->addAction(m_swap);
    file->addSeparator();
    QAction *close = file->addAction(QIcon::fromTheme(QStringLiteral("window-close")), tr("&Close"),
                                     this, &QWidget::close);
    close->setShortcut(QKeySequence::Close);
    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->addAction(m_ignoreOrder);
    view->addAction(m_ignoreWhitespace);
    view->addSeparator();
    view->addAction(m_changedOnly);
    QMenu *go = menuBar()->addMenu(tr("&Go"));
    go->addAction(m_previousChange);
    go->addAction(m_nextChange);

    QToolBar *toolBar = addToolBar(tr("Compare"));
    toolBar->setObjectName(QStringLiteral("compareToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    toolBar->addAction(m_openOld);
    toolBar->addAction(m_openNew);
    toolBar->addAction(m_swap);
    toolBar->addSeparator();
    toolBar->addAction(m_previousChange);
    toolBar->addAction(m_nextChange);
    toolBar->addSeparator();
    toolBar->addAction(m_ignoreOrder);
    toolBar->addAction(m_ignoreWhitespace);
    toolBar->addAction(m_changedOnly);
}

void DiffWindow::createLayout()
{
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(6, 6, 6, 0);

    m_message = new InlineMessage(central);
    m_message->hide();
    layout->addWidget(m_message);

    m_progressBar = new QWidget(central);
    auto *progressLayout = new QHBoxLayout(m_progressBar);
    progressLayout->setContentsMargins(0, 0, 0, 0);
    m_stage = new QLabel(m_progressBar);
    m_progress = new QProgressBar(m_progressBar);
    m_progress->setRange(0, 100);
    m_progress->setMaximumWidth(320);
    m_cancel = new QPushButton(tr("Cancel"), m_progressBar);
    m_cancel->setObjectName(QStringLiteral("cancelComparisonButton"));
    connect(m_cancel, &QPushButton::clicked, m_job, &DiffJob::cancel);
    progressLayout->addWidget(m_stage);
    progressLayout->addWidget(m_progress);
    progressLayout->addWidget(m_cancel);
    progressLayout->addStretch();
    m_progressBar->hide();
    layout->addWidget(m_progressBar);

    m_splitter = new QSplitter(Qt::Horizontal, central);
    auto *treePane = new QWidget(m_splitter);
    auto *treeLayout = new QVBoxLayout(treePane);
    treeLayout->setContentsMargins(0, 0, 0, 0);
    m_treeSummary = new QLabel(treePane);
    m_treeSummary->setWordWrap(true);
    m_treeSummary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_treeModel = new DiffTreeModel(this);
    m_treeModel->setChangedOnly(m_changedOnly->isChecked());
    connect(m_changedOnly, &QAction::toggled, m_treeModel, &DiffTreeModel::setChangedOnly);
    m_treeView = new QTreeView(treePane);
    m_treeView->setModel(m_treeModel);
    m_treeView->setUniformRowHeights(true); // 5,000 campaigns scroll smoothly
    m_treeView->setAlternatingRowColors(true);
    m_treeView->setAccessibleName(tr("Changes in VWO's terms"));
    // Old and New are in the leaves' own words ("weight 50 → 25") and in the text beside.
    m_treeView->setColumnHidden(DiffTreeModel::OldColumn, true);
    m_treeView->setColumnHidden(DiffTreeModel::NewColumn, true);
    m_treeView->header()->setStretchLastSection(false);
    m_treeView->header()->setSectionResizeMode(DiffTreeModel::ItemColumn, QHeaderView::Stretch);
    // An entity's own change can be a long sentence: it is elided, and whole in the tooltip.
    m_treeView->header()->setSectionResizeMode(DiffTreeModel::ChangeColumn,
                                               QHeaderView::Interactive);
    m_treeView->header()->resizeSection(
        DiffTreeModel::ChangeColumn,
        m_treeView->fontMetrics().horizontalAdvance(QStringLiteral("moved, 99 changes")));
    connect(m_treeView, &QTreeView::activated, this, &DiffWindow::jumpToTreeItem);
    connect(m_treeView, &QTreeView::clicked, this, &DiffWindow::jumpToTreeItem);
    connect(m_treeView->selectionModel(), &QItemSelectionModel::currentChanged, this,
            [this](const QModelIndex &current) { jumpToTreeItem(current); });
    treeLayout->addWidget(m_treeSummary);
    treeLayout->addWidget(m_treeView);

    m_textView = new DiffTextView(m_splitter);
    connect(m_nextChange, &QAction::triggered, m_textView, &DiffTextView::nextChange);
    connect(m_previousChange, &QAction::triggered, m_textView, &DiffTextView::previousChange);
    connect(m_textView, &DiffTextView::currentChangeChanged, this, [this](int change) {
        selectTreeItemOfChange(change);
        updateStatus();
    });
    m_splitter->addWidget(treePane);
    m_splitter->addWidget(m_textView);
    m_splitter->setStretchFactor(0, 1);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setSizes({400, 800});
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_textStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_textStatus);
    restart(); // the placeholder for an empty window
    updateStatus();
}

} // namespace hookbench
