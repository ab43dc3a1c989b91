# Precompiled Qt headers. Most of a translation unit's compile time here is parsing Qt's
# headers, and the test command builds everything twice (normal and ASan), so each library
# gets a precompiled header of the Qt classes it uses, and tests of one folder that link the
# same libraries share one. -DHOOKBENCH_PCH=OFF checks that every file includes what it uses.
option(HOOKBENCH_PCH "Precompile the Qt headers" ON)

set(HOOKBENCH_PCH_CORE
  <algorithm> <functional> <memory> <optional> <vector>
  <QByteArray> <QDateTime> <QDir> <QFile> <QFileInfo> <QHash> <QList> <QMap> <QObject>
  <QPointer> <QSet> <QString> <QStringList> <QThread> <QTimer> <QUrl> <QVariant>
  <QJsonArray> <QJsonDocument> <QJsonObject> <QJsonValue>
  <QSqlDatabase> <QSqlError> <QSqlQuery>
  <QHostAddress> <QNetworkAccessManager> <QNetworkReply> <QNetworkRequest> <QTcpServer>
  <QTcpSocket>
  <QHttpServer> <QHttpServerRequest> <QHttpServerResponse>)
set(HOOKBENCH_PCH_MODELS
  <QAbstractItemModel> <QAbstractTableModel> <QColor> <QFont> <QGuiApplication> <QIcon>
  <QPainter> <QPalette> <QSortFilterProxyModel>)
set(HOOKBENCH_PCH_WIDGETS
  <QAction> <QApplication> <QBoxLayout> <QCheckBox> <QComboBox> <QDialog> <QDialogButtonBox>
  <QFormLayout> <QGridLayout> <QHeaderView> <QLabel> <QLineEdit> <QMainWindow> <QMenu>
  <QMessageBox> <QPlainTextEdit> <QPushButton> <QSplitter> <QStackedWidget> <QStatusBar>
  <QStyle> <QTabWidget> <QTableView> <QToolBar> <QToolButton> <QTreeView> <QWidget>)
set(HOOKBENCH_PCH_TEST <QSignalSpy> <QTemporaryDir> <QTest>)

# hookbench_precompile(TARGET LEVEL [TEST]): LEVEL is core, models or widgets (each includes the
# ones before it), as far as TARGET links; TEST adds QtTest's headers.
function(hookbench_precompile target level)
  if(NOT HOOKBENCH_PCH)
    return()
  endif()
  set(headers ${HOOKBENCH_PCH_CORE})
  if(level STREQUAL "models" OR level STREQUAL "widgets")
    list(APPEND headers ${HOOKBENCH_PCH_MODELS})
  endif()
  if(level STREQUAL "widgets")
    list(APPEND headers ${HOOKBENCH_PCH_WIDGETS})
  endif()
  if("TEST" IN_LIST ARGN)
    list(APPEND headers ${HOOKBENCH_PCH_TEST})
  endif()
  target_precompile_headers(${target} PRIVATE ${headers})
endfunction()

# hookbench_test_precompile(TARGET LEVEL GROUP): a test reuses the precompiled header of the
# first test of its GROUP (same folder, same libraries, so the same compile flags) and builds
# it when it is that first one.
function(hookbench_test_precompile target level group)
  if(NOT HOOKBENCH_PCH)
    return()
  endif()
  string(MAKE_C_IDENTIFIER "${CMAKE_CURRENT_SOURCE_DIR}_${group}" key)
  get_property(owner GLOBAL PROPERTY HOOKBENCH_PCH_OWNER_${key})
  if(owner)
    target_precompile_headers(${target} REUSE_FROM ${owner})
  else()
    hookbench_precompile(${target} ${level} TEST)
    set_property(GLOBAL PROPERTY HOOKBENCH_PCH_OWNER_${key} ${target})
  endif()
endfunction()
