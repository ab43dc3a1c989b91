// Thin wiring only: command line, translations, ReceiverService <-> MainWindow.
#include "appicon.h"
#include "appsettings.h"
#include "apptheme.h"
#include "auth/keyring.h"
#include "colorschemewatcher.h"
#include "diffwindow.h"
#include "endpoints/endpointdirectory.h"
#include "endpointwiring.h"
#include "events/eventstore.h"
#include "mainwindow.h"
#include "receiver/receiverservice.h"
#include "receiver/tlssetup.h"
#include "secrets/secretstore.h"
#include "settings/settingssyncset.h"
#include "traynotifier.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QLibraryInfo>
#include <QLocale>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QTimer>
#include <QTranslator>

#include <cstdio>
#include <utility>

using namespace hookbench;

namespace {

void installTranslators(QApplication &app)
{
    // Qt's own strings (context menus, standard dialogs) and ours, for the system locale.
    auto *qt = new QTranslator(&app);
    if (qt->load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                 QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(qt);
    auto *own = new QTranslator(&app);
    if (own->load(QLocale(), QStringLiteral("hookbench"), QStringLiteral("_"),
                  QStringLiteral(":/i18n")))
        QCoreApplication::installTranslator(own);
}

// The app's own HTTPS clients (test webhooks, replays, the endpoint audit) trust the self-signed
// certificate the receiver serves, as a browser would once the user accepted it.
void trustSelfSigned(const QString &certificatePath)
{
    if (certificatePath.isEmpty())
        return;
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(certificatePath);
    QSslConfiguration configuration = QSslConfiguration::defaultConfiguration();
    QList<QSslCertificate> authorities = configuration.caCertificates();
    bool added = false;
    for (const QSslCertificate &certificate : certificates) {
        if (!authorities.contains(certificate)) {
            authorities.append(certificate);
            added = true;
        }
    }
    if (!added)
        return;
    configuration.setCaCertificates(authorities);
    QSslConfiguration::setDefaultConfiguration(configuration);
}

} // namespace

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setOrganizationName(QStringLiteral("Hookbench"));
    QApplication::setApplicationName(QStringLiteral("hookbench"));
    QApplication::setApplicationDisplayName(QStringLiteral("Hookbench"));
    // Wayland app id = the installed .desktop file (packaging/linux), for its icon and name.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.hookbench.Hookbench"));
    QApplication::setApplicationVersion(QStringLiteral(HOOKBENCH_VERSION));
    QApplication::setWindowIcon(appIcon());
    installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QCoreApplication::translate("main", "Receive and inspect VWO webhooks on the desktop."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption portOption(
        QStringLiteral("port"),
        QCoreApplication::translate("main",
                                    "Listen on port <N> (default 4000; 0 picks a free one)."),
        QCoreApplication::translate("main", "N"));
    const QCommandLineOption dbOption(
        QStringLiteral("db"),
        QCoreApplication::translate("main",
                                    "Store events in <file> instead of the default database."),
        QCoreApplication::translate("main", "file"));
    const QCommandLineOption compareOption(
        QStringLiteral("compare"),
        QCoreApplication::translate("main",
                                    "Only open the diff viewer on <old> and <new> (JSON files), "
                                    "without the receiver; usable as a git difftool."));
    parser.addOption(portOption);
    parser.addOption(dbOption);
    parser.addOption(compareOption);
    parser.addPositionalArgument(QStringLiteral("old new"),
                                 QCoreApplication::translate("main", "With --compare: the files."),
                                 QStringLiteral("[old new]"));
    parser.process(app);

    const QStringList files = parser.positionalArguments();
    if (parser.isSet(compareOption) != !files.isEmpty() ||
        (!files.isEmpty() && files.size() != 2)) {
        const QString error = QCoreApplication::translate(
            "main", "hookbench: --compare takes exactly two files, OLD and NEW");
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 2;
    }
    // Light or dark as the desktop says (its portal), unless View > Appearance chose one.
    AppSettings settings;
    ColorSchemeWatcher colorScheme;
    colorScheme.waitUntilReady(500);
    AppTheme theme(&colorScheme);
    theme.setChoice(settings.theme());
    QObject::connect(&theme, &AppTheme::choiceChanged, &theme,
                     [&settings](ThemeChoice choice) { settings.setTheme(choice); });

    if (parser.isSet(compareOption)) {
        auto *viewer = new DiffWindow; // deletes itself on close; the last window quits
        viewer->compareFiles(files.at(0), files.at(1));
        viewer->show();
        return QApplication::exec();
    }

    ReceiverConfig config = settings.receiverConfig();
    if (parser.isSet(portOption)) { // for this run only: not saved
        bool ok = false;
        const uint port = parser.value(portOption).toUInt(&ok);
        if (!ok || port > 65535) {
            const QString error = QCoreApplication::translate(
                                      "main", "hookbench: invalid --port '%1': expected 0 to 65535")
                                      .arg(parser.value(portOption));
            std::fprintf(stderr, "%s\n", qPrintable(error));
            return 2;
        }
        config.port = quint16(port);
    }
    config.databasePath =
        parser.isSet(dbOption) ? parser.value(dbOption) : EventStore::defaultPath();

    // Each endpoint authenticates with its own key ring (shared with hookbench-cli; changes
    // apply to the next request). A ring that cannot be opened refuses every request.
    SecretStore secrets;
    KeyRing keyRing(&secrets);
    const QString keyRingError = keyRing.open(config.databasePath);

    // The endpoints (one per VWO environment) live in the event database, shared with the CLI.
    // The settings file's path and override moved there from the settings file once.
    EndpointDirectory endpoints(&secrets);
    const QString endpointsError = endpoints.open(config.databasePath);
    const QString migrationError =
        endpointsError.isEmpty() ? migrateLegacyEndpointSettings(settings, endpoints) : QString();
    const auto endpointNames = [&] {
        QStringList names;
        for (const Endpoint &endpoint : endpoints.endpoints())
            names.append(endpoint.name);
        return names.isEmpty() ? QStringList{config.endpoint} : names;
    };

    // Each endpoint's settings file, fetched after its valid, authenticated webhooks.
    SettingsSyncSet settingsSyncs(&secrets);
    const QString settingsError = settingsSyncs.open(config.databasePath, endpointNames());

    ReceiverService service;
    MainWindow window;
    if (endpointsError.isEmpty())
        window.setEndpointDirectory(&endpoints);
    window.setKeyRing(&keyRing);
    window.setSettingsSyncs(&settingsSyncs);
    window.setAppTheme(&theme);
    QObject::connect(&service, &ReceiverService::eventsCommitted, &settingsSyncs,
                     &SettingsSyncSet::addEvents);
    window.restoreLayout(settings);
    QObject::connect(&service, &ReceiverService::eventsCommitted, &window,
                     &MainWindow::appendEvents);
    QObject::connect(&service, &ReceiverService::storeError, &window, &MainWindow::receiverError);
    QObject::connect(&service, &ReceiverService::eventForwarded, &window,
                     &MainWindow::eventForwarded);
    TrayNotifier tray(&settings);
    window.setTrayNotifier(&tray);
    QObject::connect(&service, &ReceiverService::eventsCommitted, &tray, &TrayNotifier::addEvents);

    ReceiverConfig running; // what the receiver was last started with: config + endpoints
    const auto start = [&]() {
        if (service.isRunning())
            service.stop();
        running = routedConfig(config, endpoints.endpoints(), &keyRing);
        const TlsSetup tls = setUpTls(running.tlsChoice,
                                      running.databasePath.isEmpty() ? EventStore::defaultPath()
                                                                     : running.databasePath,
                                      running.host);
        running.tls = tls.settings;
        trustSelfSigned(tls.selfSignedCertificate);
        window.setSelfSignedCertificate(tls.selfSignedCertificate);
        window.setReceiverConfig(running);
        window.receiverStarting(ReceiverService::urlFor(running, running.port));
        if (!tls.error.isEmpty()) {
            window.setEndpointUrls({});
            window.receiverFailed(QStringLiteral("HTTPS: ") + tls.error, false, 0);
            return;
        }
        if (service.start(running)) {
            window.setDatabase(running.databasePath);
            window.receiverStarted(service.url());
            window.setEndpointUrls(endpointUrls(service, endpoints.endpoints()));
            return;
        }
        window.setEndpointUrls({});
        const bool inUse = service.addressInUse();
        window.receiverFailed(service.errorString(), inUse,
                              inUse ? ReceiverService::findFreePort(running.host) : 0);
    };
    // Endpoints change here, in hookbench-cli or by an import (several at once): once the
    // changes are in, restart the receiver only when what it serves changed.
    bool endpointsPending = false;
    QObject::connect(&endpoints, &EndpointDirectory::changed, &service, [&] {
        if (std::exchange(endpointsPending, true))
            return;
        QTimer::singleShot(0, &service, [&] {
            endpointsPending = false;
            settingsSyncs.setEndpoints(endpointNames());
            ReceiverConfig wanted = routedConfig(config, endpoints.endpoints(), &keyRing);
            wanted.tls = running.tls; // made at start; endpoints do not change it
            if (!service.isRunning() || sameReceiverSetup(wanted, running)) {
                window.setReceiverConfig(wanted);
                return;
            }
            // Served without a restart: connections open on other endpoints stay up.
            QString error;
            if (!service.updateEndpoints(wanted, &error)) {
                window.receiverError(QCoreApplication::translate(
                                         "main", "The endpoints changed, but the receiver cannot "
                                                 "serve them: %1. It still serves them as they "
                                                 "were.")
                                         .arg(error));
                return;
            }
            running = wanted;
            window.setReceiverConfig(running);
            window.setEndpointUrls(endpointUrls(service, endpoints.endpoints()));
        });
    });
    QObject::connect(&window, &MainWindow::restartRequested, &service, [&](quint16 port) {
        config.port = port;
        start();
    });
    QObject::connect(&window, &MainWindow::stopRequested, &service, [&] {
        service.stop();
        window.setEndpointUrls({});
        window.receiverStopped();
    });
    QObject::connect(&window, &MainWindow::receiverConfigChanged, &service,
                     [&](const ReceiverConfig &changed) {
                         const QString databasePath = config.databasePath;
                         config = changed;
                         config.databasePath = databasePath;
                         // With endpoints, paths and overrides live in their table.
                         if (endpointsError.isEmpty())
                             settings.setListenConfig(config);
                         else
                             settings.setReceiverConfig(config);
                         start();
                     });
    QObject::connect(&window, &MainWindow::removeEventsRequested, &service,
                     &ReceiverService::removeEvents);
    QObject::connect(&window, &MainWindow::clearEventsRequested, &service,
                     &ReceiverService::clearEvents);
    QObject::connect(&window, &MainWindow::starRequested, &service, &ReceiverService::setStarred);
    QObject::connect(&service, &ReceiverService::eventsStarred, &window,
                     &MainWindow::eventsStarred);
    QObject::connect(&service, &ReceiverService::eventsRemoved, &window,
                     &MainWindow::eventsRemoved);
    QObject::connect(&service, &ReceiverService::eventsCleared, &window,
                     &MainWindow::eventsRemoved);
    QObject::connect(&app, &QCoreApplication::aboutToQuit, &window,
                     [&] { window.saveLayout(settings); });

    // Listen once the accepted keys' values are read (each keychain job has a timeout): before,
    // VWO's requests signed with them would be refused.
    if (keyRing.secretsPending()) {
        const ReceiverConfig routed = routedConfig(config, endpoints.endpoints(), nullptr);
        window.receiverStarting(ReceiverService::urlFor(routed, routed.port));
        QObject::connect(&keyRing, &KeyRing::secretsLoaded, &service, start,
                         Qt::SingleShotConnection);
    } else {
        start();
    }
    if (!keyRingError.isEmpty())
        window.receiverError(keyRingError);
    if (!settingsError.isEmpty())
        window.receiverError(settingsError);
    if (!endpointsError.isEmpty())
        window.receiverError(endpointsError);
    if (!migrationError.isEmpty())
        window.receiverError(QCoreApplication::translate(
                                 "main", "The receiver's path and response override could not "
                                         "move to the default endpoint: %1")
                                 .arg(migrationError));
    window.show();
    return app.exec();
}
