// MainWindow: what the Endpoint menu does to an endpoint (new, edit, rename, delete), and the
// receiver settings and override banner over the default endpoint's row.
#include "mainwindow.h"

#include "endpointdialog.h"
#include "endpointlistmodel.h"
#include "endpoints/endpointdirectory.h"
#include "endpointsidebar.h"
#include "eventdetailview.h"
#include "eventlogmodel.h"
#include "renameendpointdialog.h"
#include "sentences.h"

#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QStatusBar>

namespace hookbench {

void MainWindow::newEndpoint()
{
    if (!m_endpoints)
        return;
    EndpointDialog dialog(EndpointDialog::Mode::Create, this);
    dialog.setOtherEndpoints(m_endpoints->endpoints());
    QUrl base = m_state == State::Listening ? m_url : QUrl();
    base.setPath(QString());
    dialog.setReceiverUrl(base);
    dialog.setSubmit([this](const Endpoint &endpoint) { return m_endpoints->add(endpoint); });
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString name = dialog.endpoint().name;
    m_sidebar->setCurrentEndpoint(name);
    statusBar()->showMessage(
        tr("Added the endpoint %1. Give VWO its URL, and its webhook keys: Receiver > Webhook "
           "Keys…")
            .arg(name),
        10000);
}

void MainWindow::editEndpoint(const QString &name)
{
    const std::optional<Endpoint> endpoint =
        m_endpoints ? m_endpoints->endpoint(name) : std::nullopt;
    if (!endpoint)
        return;
    EndpointDialog dialog(EndpointDialog::Mode::Edit, this);
    dialog.setEndpoint(*endpoint);
    QList<Endpoint> others = m_endpoints->endpoints();
    others.removeIf([&name](const Endpoint &other) { return other.name == name; });
    dialog.setOtherEndpoints(others);
    QUrl base = m_state == State::Listening ? m_url : QUrl();
    base.setPath(QString());
    dialog.setReceiverUrl(base);
    dialog.setSubmit([this](const Endpoint &edited) { return m_endpoints->update(edited); });
    dialog.exec();
}

void MainWindow::renameEndpoint()
{
    const QString from = currentEndpoint();
    if (!m_endpoints || from.isEmpty() || from == QLatin1String(Endpoint::DefaultName))
        return;
    QStringList taken;
    for (const Endpoint &endpoint : m_endpoints->endpoints())
        taken.append(endpoint.name);
    RenameEndpointDialog dialog(from, taken, this);
    const QPointer<MainWindow> self(this);
    dialog.setRename([self, from](const QString &to, RenameEndpointDialog::Finished finished) {
        self->m_endpoints->rename(from, to, [self, to, finished](const QString &error) {
            // Renamed, but an old copy of a secret stayed behind: done, with a warning.
            if (self && !error.isEmpty() && self->m_endpoints->endpoint(to)) {
                self->receiverError(asSentence(error));
                return finished({});
            }
            finished(error);
        });
    });
    if (dialog.exec() != QDialog::Accepted)
        return;
    m_sidebar->setCurrentEndpoint(dialog.newName());
    m_model->reload(); // its requests carry the new name
    refreshEventCounts();
}

void MainWindow::deleteEndpoint()
{
    const QString name = currentEndpoint();
    if (!m_endpoints || name.isEmpty() || name == QLatin1String(Endpoint::DefaultName))
        return;
    const qint64 count = m_sidebar->model()->eventCount(name);
    QMessageBox box(QMessageBox::Warning, tr("Delete Endpoint"),
                    tr("Delete the endpoint %1?").arg(name), QMessageBox::NoButton, this);
    box.setObjectName(QStringLiteral("deleteEndpointBox"));
    box.setInformativeText(
        tr("Its webhook keys and settings-file account are deleted with it, and VWO's webhooks "
           "to its URL will get 404.") +
        (count > 0 ? QLatin1Char(' ') + tr("Its requests and settings-file history can go with "
                                           "it or stay in the log.")
                   : QString()));
    QPushButton *withEvents = box.addButton(
        count == 0   ? tr("Delete Endpoint")
        : count == 1 ? tr("Delete Endpoint and 1 Request")
                     : tr("Delete Endpoint and %1 Requests").arg(QLocale().toString(count)),
        QMessageBox::DestructiveRole);
    withEvents->setObjectName(QStringLiteral("deleteWithEventsButton"));
    QPushButton *keepEvents = nullptr;
    if (count > 0) {
        keepEvents = box.addButton(tr("Delete Endpoint, Keep Requests"), QMessageBox::AcceptRole);
        keepEvents->setObjectName(QStringLiteral("keepEventsButton"));
    }
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.setEscapeButton(cancel);
    box.exec();
    if (box.clickedButton() == withEvents)
        removeEndpoint(name, false);
    else if (keepEvents && box.clickedButton() == keepEvents)
        removeEndpoint(name, true);
}

void MainWindow::removeEndpoint(const QString &name, bool keepEvents)
{
    const QPointer<MainWindow> self(this);
    m_endpoints->remove(name, keepEvents, [self, name, keepEvents](const QString &error) {
        if (!self)
            return;
        const bool removed = !self->m_endpoints->endpoint(name);
        if (!error.isEmpty()) {
            self->receiverError(
                removed ? asSentence(error)
                        : tr("The endpoint %1 was not deleted: %2").arg(name, asSentence(error)));
        }
        if (!removed)
            return;
        if (!keepEvents) {
            self->m_detail->clear();
            self->m_model->reload();
        }
        self->refreshEventCounts();
        self->statusBar()->showMessage(tr("Deleted the endpoint %1").arg(name), 5000);
    });
}

void MainWindow::turnOffOverrides()
{
    if (!m_endpoints) {
        ReceiverConfig config = m_config;
        config.response = ResponseOverride();
        Q_EMIT receiverConfigChanged(config);
        return;
    }
    for (Endpoint endpoint : m_endpoints->endpoints()) {
        if (endpoint.response.status == 0 && endpoint.response.body.isEmpty() &&
            endpoint.response.delayMs == 0)
            continue;
        endpoint.response = ResponseOverride();
        const QString error = m_endpoints->update(endpoint);
        if (!error.isEmpty())
            receiverError(asSentence(error));
    }
}

std::function<QString(const QString &)> MainWindow::defaultPathCheck() const
{
    return [this](const QString &path) {
        QList<Endpoint> endpoints = m_endpoints ? m_endpoints->endpoints() : QList<Endpoint>();
        for (Endpoint &endpoint : endpoints) {
            if (endpoint.isDefault())
                endpoint.path = path;
        }
        return endpointrules::findClash(endpoints);
    };
}

void MainWindow::applyReceiverSettings(const ReceiverConfig &config)
{
    const std::optional<Endpoint> current =
        m_endpoints ? m_endpoints->endpoint(QLatin1String(Endpoint::DefaultName)) : std::nullopt;
    if (current) {
        // The default endpoint's row holds its path and override: the receiver follows it.
        Endpoint edited = *current;
        edited.path = config.path;
        edited.response = config.response;
        if (edited != *current) {
            if (const QString error = m_endpoints->update(edited); !error.isEmpty()) {
                receiverError(
                    tr("The default endpoint was not changed: %1").arg(asSentence(error)));
                return;
            }
        }
        if (config.host == m_config.host && config.port == m_config.port &&
            config.retention == m_config.retention && config.tlsChoice == m_config.tlsChoice)
            return; // the endpoint change restarts the receiver if it needs to
    }
    Q_EMIT receiverConfigChanged(config);
}

} // namespace hookbench
