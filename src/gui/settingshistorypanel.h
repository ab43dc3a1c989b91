#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QMenu;
class QMimeData;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;

namespace hookbench {

class InlineMessage;
class PlaceholderWidget;
class SettingsFetchLog;
class SettingsFetchModel;
class SettingsHistoryModel;
class SettingsVersionStore;

// "Settings History": every stored version of one endpoint's settings file and its fetch log,
// with a chooser of the endpoint shown. Compares two versions, or a version with the current one
// of another endpoint (production against staging), a one-line summary here, the changes in a
// DiffWindow;
// exports a version byte for byte, imports files (dialog or drag and drop) and shows the state
// of the fetch its owner runs. Store calls are short local SQLite reads and writes.
class SettingsHistoryPanel : public QWidget
{
    Q_OBJECT
public:
    // `store` is not owned and must outlive the panel.
    explicit SettingsHistoryPanel(SettingsVersionStore *store, QWidget *parent = nullptr);
    ~SettingsHistoryPanel() override;

    QString endpoint() const { return m_endpoint; }
    void setEndpoint(const QString &endpoint); // settingshistoryendpoints.cpp
    // The endpoints the owner knows (default first). The chooser lists them, then any other
    // endpoint that has versions in the history (e.g. one removed with its history kept).
    void setEndpoints(const QStringList &endpoints);
    QStringList endpointChoices() const { return m_endpointChoices; }

    // Without an account profile there is nothing to fetch: the button says why.
    void setFetchAvailable(bool available, const QString &reason = {});
    bool isFetchAvailable() const { return m_fetchAvailable; }

    SettingsHistoryModel *historyModel() const { return m_historyModel; }
    SettingsFetchModel *fetchModel() const { return m_fetchModel; }
    QList<qint64> selectedVersionIds() const; // newest first
    void selectVersions(const QList<qint64> &ids);

public Q_SLOTS:
    void reload();
    void showFetchInProgress(const QString &text);
    void showFetchFailed(const QString &error);
    void showFetchDone(const QString &text);

    // Imports each file and reports each one; what the dialog and a drop both call.
    void importFiles(const QStringList &paths);
    // Writes the exact bytes of version `id` to `path`; reports success or the error.
    bool exportVersion(qint64 id, const QString &path);
    void compareSelected();     // exactly two selected versions
    void compareWithPrevious(); // the selected version against its account's previous one
    // The selected version (or, unless exactly one is selected, the current one) against the
    // current version of endpoint `other`. settingshistorycompare.cpp
    void compareWithEndpoint(const QString &other);
    void exportSelected();   // asks where
    void importWithDialog(); // asks which files

Q_SIGNALS:
    void compareRequested(qint64 olderId, qint64 newerId);
    void endpointChanged(const QString &endpoint); // the chooser, or setEndpoint()
    void fetchRequested();
    void profileRequested();

protected:
    void dragEnterEvent(QDragEnterEvent *event) override;
    void dragMoveEvent(QDragMoveEvent *event) override;
    void dragLeaveEvent(QDragLeaveEvent *event) override;
    void dropEvent(QDropEvent *event) override;

private:
    QWidget *createHeader();
    QWidget *createVersionsPage();
    void updatePage();
    void updateHeader();
    void updateActions();
    void updateFetchButton();
    void showComparison(qint64 olderId, qint64 newerId);
    void showCompareError(const QString &text);
    // settingshistoryendpoints.cpp
    QComboBox *createEndpointChooser(QWidget *parent);
    void createEndpointCompareAction(); // and the menu of other endpoints
    QPushButton *createEndpointCompareButton(QWidget *parent);
    void updateEndpointChoices();
    void fillEndpointMenu();
    qint64 endpointCompareVersionId() const;   // this side of compareWithEndpoint(); 0: none
    qint64 previousVersionId(qint64 id) const; // of the same account; 0 when none
    void showResult(const QString &text, int type);
    void storeFailed(const QString &error);

    // settingshistoryfiles.cpp
    static QStringList localFiles(const QMimeData *mime);
    QString importOne(const QString &path, bool *failed, qint64 *added);
    QString defaultExportName(qint64 id) const;

    SettingsVersionStore *m_store;
    QString m_endpoint;
    SettingsHistoryModel *m_historyModel;
    SettingsFetchModel *m_fetchModel;

    QLabel *m_currentLabel = nullptr;
    QPushButton *m_fetchButton = nullptr;
    QPushButton *m_importButton = nullptr;
    QPushButton *m_exportButton = nullptr;
    QPushButton *m_compareButton = nullptr;
    QPushButton *m_profileButton = nullptr;
    QAction *m_compareAction = nullptr;
    QAction *m_compareWithPreviousAction = nullptr;
    QAction *m_exportAction = nullptr;
    QComboBox *m_endpointCombo = nullptr;
    QLabel *m_endpointLabel = nullptr;
    QPushButton *m_compareEndpointButton = nullptr;
    QAction *m_compareEndpointAction = nullptr;
    QMenu *m_endpointMenu = nullptr; // other endpoints, for the button and the action
    QStringList m_knownEndpoints;    // from setEndpoints()
    QStringList m_endpointChoices;   // what the chooser lists

    InlineMessage *m_fetchMessage;   // the owner's fetch, live
    InlineMessage *m_resultMessage;  // imports, exports, store errors
    InlineMessage *m_compareMessage; // the summary between two versions
    InlineMessage *m_dropMessage;    // while files are dragged over the panel
    QSplitter *m_splitter = nullptr;
    QStackedWidget *m_pages = nullptr;
    QTableView *m_table = nullptr;
    PlaceholderWidget *m_emptyPage = nullptr;
    SettingsFetchLog *m_fetchLog = nullptr;

    QString m_lastDir;
    QString m_fetchUnavailableReason;
    bool m_fetchAvailable = true;
    bool m_fetchRunning = false;
};

} // namespace hookbench
