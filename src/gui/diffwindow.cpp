#include "diffwindow.h"

#include "diff/diffjob.h"
#include "difftextview.h"
#include "difftreemodel.h"
#include "inlinemessage.h"

#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QTreeView>

namespace hookbench {

namespace {

// A comparison this quick shows no progress bar: it would only flicker.
constexpr int ProgressDelayMs = 250;
// Fewer changes than this: the tree opens fully, so every change is in sight.
constexpr int ExpandAllBelow = 60;

} // namespace

DiffWindow::DiffWindow(QWidget *parent)
    : QMainWindow(parent)
    , m_job(new DiffJob(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setAcceptDrops(true);
    setWindowTitle(tr("Compare — Hookbench"));
    createActions();
    createLayout();
    connect(m_job, &DiffJob::progressed, this, &DiffWindow::showProgress);
    connect(m_job, &DiffJob::finished, this, &DiffWindow::showComparison);
    resize(1200, 760);
}

DiffWindow::~DiffWindow() = default;

bool DiffWindow::isComparing() const
{
    return m_job->isRunning();
}

QString DiffWindow::errorText() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void DiffWindow::compare(ComparisonSide oldSide, ComparisonSide newSide)
{
    m_old = std::move(oldSide);
    m_new = std::move(newSide);
    restart();
}

void DiffWindow::restart()
{
    if (m_old.name.isEmpty() || m_new.name.isEmpty()) {
        m_textView->setPlaceholderText(
            m_old.name.isEmpty() && m_new.name.isEmpty()
                ? tr("Drop two JSON files here, or open them with Open Old and Open New.")
                : tr("Drop or open the other file to compare it with %1.")
                      .arg(m_old.name.isEmpty() ? m_new.name : m_old.name));
        return;
    }
    m_message->hide();
    ComparisonOptions options;
    options.ignoreOrder = m_ignoreOrder->isChecked();
    options.ignoreWhitespace = m_ignoreWhitespace->isChecked();
    setWindowTitle(tr("%1 → %2 — Hookbench").arg(m_old.name, m_new.name));
    m_progress->setValue(0);
    m_stage->setText(tr("Starting…"));
    m_job->start(m_old, m_new, options);
    QTimer::singleShot(ProgressDelayMs, this, [this] {
        if (m_job->isRunning())
            m_progressBar->show();
    });
}

void DiffWindow::showProgress(int percent, ComparisonStage stage)
{
    m_progress->setValue(percent);
    switch (stage) {
    case ComparisonStage::ParsingOld:
        m_stage->setText(tr("Reading %1…").arg(m_old.name));
        break;
    case ComparisonStage::ParsingNew:
        m_stage->setText(tr("Reading %1…").arg(m_new.name));
        break;
    case ComparisonStage::Semantic:
        m_stage->setText(tr("Comparing in VWO's terms…"));
        break;
    case ComparisonStage::Formatting:
        m_stage->setText(tr("Formatting both sides…"));
        break;
    case ComparisonStage::Text:
        m_stage->setText(tr("Comparing the text…"));
        break;
    case ComparisonStage::Done:
        m_stage->setText(tr("Showing the result…"));
        break;
    }
}

void DiffWindow::showComparison(std::shared_ptr<const Comparison> comparison)
{
    m_progressBar->hide();
    if (comparison->canceled) {
        statusBar()->showMessage(tr("Comparison canceled; the view shows the previous result."),
                                 5000);
        Q_EMIT comparisonFinished();
        return;
    }
    if (!comparison->error.isEmpty()) {
        m_comparison.reset();
        m_treeModel->clear();
        m_textView->clear();
        m_textView->setPlaceholderText(
            tr("Open a corrected file with Open Old or Open New, or drop it here."));
        m_treeSummary->clear();
        showError(tr("Cannot compare: %1.").arg(comparison->error)); // names kept as written
        updateStatus();
        Q_EMIT comparisonFinished();
        return;
    }
    m_comparison = std::move(comparison);
    m_treeModel->setDiff(m_comparison->oldTree, m_comparison->newTree, m_comparison->semantic);
    if (m_treeModel->changeCount() < ExpandAllBelow)
        m_treeView->expandAll();
    if (m_comparison->oldTree.source() == m_comparison->newTree.source())
        m_treeSummary->setText(tr("The two documents are identical."));
    else if (m_treeModel->changeCount() == 0)
        m_treeSummary->setText(m_comparison->semantic.settingsFiles
                                   ? tr("No change in VWO's terms: only the text differs.")
                                   : tr("No change in content: only the text differs."));
    else
        m_treeSummary->setText(m_treeModel->summaryText());
    m_textView->setComparison(m_comparison->text, m_comparison->oldName, m_comparison->newName);
    if (m_textView->changeCount() > 0)
        m_textView->goToChange(0);
    updateStatus();
    Q_EMIT comparisonFinished();
}

void DiffWindow::showError(const QString &text)
{
    m_message->setType(InlineMessage::Error);
    m_message->setText(text);
    m_message->show();
}

void DiffWindow::jumpToTreeItem(const QModelIndex &index)
{
    if (m_followingText || !index.isValid() || !m_comparison || !m_comparison->text)
        return;
    const TextComparison &text = *m_comparison->text;
    const int newNode = index.data(DiffTreeModel::NewNodeRole).toInt();
    const int oldNode = index.data(DiffTreeModel::OldNodeRole).toInt();
    if (newNode >= 0 && newNode < text.newNodeLines.size())
        m_textView->scrollToNewLine(text.newNodeLines.at(newNode) - 1);
    else if (oldNode >= 0 && oldNode < text.oldNodeLines.size())
        m_textView->scrollToOldLine(text.oldNodeLines.at(oldNode) - 1);
}

void DiffWindow::selectTreeItemOfChange(int change)
{
    if (change < 0 || !m_comparison || !m_comparison->text)
        return;
    const TextComparison &text = *m_comparison->text;
    const TextDiffAlignment::Row row = text.alignment.row(text.alignment.changeFirstRow(change));
    const bool newSide = row.newLine >= 0;
    const QList<int> &lineNodes = newSide ? text.newLineNodes : text.oldLineNodes;
    int line = newSide ? row.newLine : row.oldLine;
    while (line > 0 && lineNodes.value(line, -1) < 0)
        --line; // a closing bracket: the value it closes
    const int node = lineNodes.value(line, -1);
    const QModelIndex index =
        newSide ? m_treeModel->indexForNewNode(node) : m_treeModel->indexForOldNode(node);
    if (!index.isValid())
        return;
    m_followingText = true; // selecting must not jump the text back
    m_treeView->setCurrentIndex(index);
    m_treeView->scrollTo(index);
    m_followingText = false;
}

void DiffWindow::updateStatus()
{
    const bool hasText = m_comparison && m_comparison->text;
    const int changes = m_textView->changeCount();
    m_nextChange->setEnabled(hasText && changes > 0);
    m_previousChange->setEnabled(hasText && changes > 0);
    if (!hasText) {
        m_textStatus->clear();
        return;
    }
    const TextDiff &diff = m_comparison->text->diff;
    // No %n plurals: no English .qm ships to turn "line(s)" into words.
    const auto lines = [](int count) {
        return count == 1 ? tr("1 line") : tr("%1 lines").arg(count);
    };
    QString text = tr("Text: %1 removed, %2 added")
                       .arg(lines(diff.deletedLineCount()), lines(diff.insertedLineCount()));
    if (changes > 0) {
        const int current = m_textView->currentChange();
        text += QStringLiteral(" · ") +
                (current >= 0 ? tr("change %1 of %2").arg(current + 1).arg(changes)
                              : (changes == 1 ? tr("1 change") : tr("%1 changes").arg(changes)));
    }
    m_textStatus->setText(text);
}

} // namespace hookbench
