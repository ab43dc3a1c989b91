#pragma once

#include "diff/diffcomparison.h"

#include <QMainWindow>

#include <memory>

class QAction;
class QLabel;
class QModelIndex;
class QProgressBar;
class QPushButton;
class QSplitter;
class QTreeView;

namespace hookbench {

class DiffJob;
class DiffTextView;
class DiffTreeModel;
class InlineMessage;

// The diff viewer: two versions or two files side by side, as a semantic tree in VWO's terms
// beside the side-by-side text. The comparison runs on a worker thread with its progress shown;
// until it finishes, the previous result stays on screen.
class DiffWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit DiffWindow(QWidget *parent = nullptr);
    ~DiffWindow() override;

    // Compares two documents (bytes already in memory, e.g. versions from the history).
    void compare(ComparisonSide oldSide, ComparisonSide newSide);
    // Reads two files and compares them; a file that cannot be read is named in the window.
    void compareFiles(const QString &oldPath, const QString &newPath);
    // Replaces one side with a file (Open Old…, Open New…, a drop on that half).
    void openFile(bool oldSide, const QString &path);

    bool isComparing() const;
    std::shared_ptr<const Comparison> comparison() const { return m_comparison; }
    DiffTreeModel *treeModel() const { return m_treeModel; }
    QTreeView *treeView() const { return m_treeView; }
    DiffTextView *textView() const { return m_textView; }
    QString errorText() const; // the message shown, empty when none

    QAction *nextChangeAction() const { return m_nextChange; }
    QAction *previousChangeAction() const { return m_previousChange; }
    QAction *ignoreOrderAction() const { return m_ignoreOrder; }
    QAction *ignoreWhitespaceAction() const { return m_ignoreWhitespace; }
    QAction *changedOnlyAction() const { return m_changedOnly; }

Q_SIGNALS:
    void comparisonFinished(); // shown, failed or canceled

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    void createActions(); // diffwindowactions.cpp
    void createLayout();  // diffwindowactions.cpp
    void restart();       // the same sides again, with the toggles as they are now
    void showProgress(int percent, ComparisonStage stage);
    void showComparison(std::shared_ptr<const Comparison> comparison);
    void showError(const QString &text);
    void jumpToTreeItem(const QModelIndex &index);
    void selectTreeItemOfChange(int change); // the tree follows F7
    void updateStatus();
    void chooseFile(bool oldSide); // diffwindowfiles.cpp
    bool readFile(const QString &path, ComparisonSide *side);

    DiffJob *m_job;
    ComparisonSide m_old;
    ComparisonSide m_new;
    std::shared_ptr<const Comparison> m_comparison;
    bool m_followingText = false;

    InlineMessage *m_message = nullptr;
    QWidget *m_progressBar = nullptr; // the row with the bar, the stage and Cancel
    QProgressBar *m_progress = nullptr;
    QLabel *m_stage = nullptr;
    QPushButton *m_cancel = nullptr;
    QSplitter *m_splitter = nullptr;
    QLabel *m_treeSummary = nullptr;
    QTreeView *m_treeView = nullptr;
    DiffTreeModel *m_treeModel = nullptr;
    DiffTextView *m_textView = nullptr;
    QLabel *m_textStatus = nullptr;

    QAction *m_openOld = nullptr;
    QAction *m_openNew = nullptr;
    QAction *m_swap = nullptr;
    QAction *m_nextChange = nullptr;
    QAction *m_previousChange = nullptr;
    QAction *m_ignoreOrder = nullptr;
    QAction *m_ignoreWhitespace = nullptr;
    QAction *m_changedOnly = nullptr;
};

} // namespace hookbench
