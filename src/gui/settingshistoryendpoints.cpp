// SettingsHistoryPanel's endpoints: which endpoint's history is shown, and the menu of other
// endpoints whose current version the selected one can be compared with.

#include "inlinemessage.h"
#include "settings/settingsversionstore.h"
#include "settingsfetchlog.h"
#include "settingsfetchmodel.h"
#include "settingshistorymodel.h"
#include "settingshistorypanel.h"

#include <QAction>
#include <QComboBox>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QPushButton>
#include <QSignalBlocker>

namespace hookbench {

namespace {

QStringList itemTexts(const QComboBox *combo)
{
    QStringList texts;
    for (int i = 0; i < combo->count(); ++i)
        texts.append(combo->itemText(i));
    return texts;
}

} // namespace

QComboBox *SettingsHistoryPanel::createEndpointChooser(QWidget *parent)
{
    m_endpointCombo = new QComboBox(parent);
    m_endpointCombo->setObjectName(QStringLiteral("endpointCombo"));
    m_endpointCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_endpointCombo->setToolTip(tr("The endpoint whose settings-file history is shown"));
    m_endpointLabel = new QLabel(tr("&Endpoint:"), parent);
    m_endpointLabel->setBuddy(m_endpointCombo);
    connect(m_endpointCombo, &QComboBox::currentIndexChanged, this, [this](int index) {
        if (index >= 0)
            setEndpoint(m_endpointCombo->itemText(index));
    });
    m_endpointCombo->hide(); // until there is more than one endpoint to choose from
    m_endpointLabel->hide();
    return m_endpointCombo;
}

void SettingsHistoryPanel::createEndpointCompareAction()
{
    m_endpointMenu = new QMenu(this);
    m_endpointMenu->setObjectName(QStringLiteral("compareEndpointMenu"));
    connect(m_endpointMenu, &QMenu::aboutToShow, this, &SettingsHistoryPanel::fillEndpointMenu);
    // A submenu, so no ellipsis: choosing the endpoint is the last step.
    m_compareEndpointAction = new QAction(QIcon::fromTheme(QStringLiteral("document-compare")),
                                          tr("Compare with Another Endpoint"), this);
    m_compareEndpointAction->setObjectName(QStringLiteral("compareEndpointAction"));
    m_compareEndpointAction->setMenu(m_endpointMenu);
}

QPushButton *SettingsHistoryPanel::createEndpointCompareButton(QWidget *parent)
{
    m_compareEndpointButton = new QPushButton(QIcon::fromTheme(QStringLiteral("document-compare")),
                                              tr("Compare with &Endpoint"), parent);
    m_compareEndpointButton->setObjectName(QStringLiteral("compareEndpointButton"));
    m_compareEndpointButton->setMenu(m_endpointMenu);
    return m_compareEndpointButton;
}

void SettingsHistoryPanel::setEndpoint(const QString &endpoint)
{
    if (endpoint == m_endpoint || endpoint.isEmpty())
        return;
    m_endpoint = endpoint;
    m_compareMessage->hide();
    m_resultMessage->hide();
    // The owner's fetch state is per endpoint: it tells again for this one.
    m_fetchMessage->hide();
    m_fetchRunning = false;
    m_historyModel->setEndpoint(endpoint);
    m_fetchModel->setEndpoint(endpoint);
    m_fetchLog->setExpanded(m_fetchModel->rowCount() > 0 &&
                            m_fetchModel->fetchAt(0).outcome == FetchOutcome::Failed);
    updateEndpointChoices();
    updateFetchButton();
    updatePage();
    Q_EMIT endpointChanged(endpoint);
}

void SettingsHistoryPanel::setEndpoints(const QStringList &endpoints)
{
    m_knownEndpoints = endpoints;
    updateEndpointChoices();
    updateActions();
}

void SettingsHistoryPanel::updateEndpointChoices()
{
    QStringList choices = m_knownEndpoints;
    // Endpoints with a history but no longer known (removed with their history kept).
    QList<SettingsVersion> versions;
    if (m_store->versions(QString(), QString(), &versions).isEmpty()) {
        QStringList others;
        for (const SettingsVersion &version : std::as_const(versions)) {
            if (!choices.contains(version.endpoint) && !others.contains(version.endpoint))
                others.append(version.endpoint);
        }
        others.sort();
        choices += others;
    }
    if (!choices.contains(m_endpoint))
        choices.prepend(m_endpoint);
    m_endpointChoices = choices;
    const QSignalBlocker blocker(m_endpointCombo);
    if (itemTexts(m_endpointCombo) != choices) {
        m_endpointCombo->clear();
        m_endpointCombo->addItems(choices);
        for (int i = 0; i < choices.size(); ++i) {
            if (!m_knownEndpoints.isEmpty() && !m_knownEndpoints.contains(choices.at(i)))
                m_endpointCombo->setItemData(
                    i, tr("Endpoint %1 no longer exists; its history is kept").arg(choices.at(i)),
                    Qt::ToolTipRole);
        }
    }
    m_endpointCombo->setCurrentIndex(int(choices.indexOf(m_endpoint)));
    const bool several = choices.size() > 1;
    m_endpointCombo->setVisible(several);
    m_endpointLabel->setVisible(several);
}

qint64 SettingsHistoryPanel::endpointCompareVersionId() const
{
    const QList<qint64> ids = selectedVersionIds();
    if (ids.size() == 1)
        return ids.first();
    return ids.isEmpty() ? m_historyModel->versionAt(0).id : 0;
}

void SettingsHistoryPanel::fillEndpointMenu()
{
    m_endpointMenu->clear();
    for (const QString &name : std::as_const(m_endpointChoices)) {
        if (name == m_endpoint)
            continue;
        SettingsVersion current;
        const QString error = m_store->currentVersion(name, QString(), &current);
        QAction *action = nullptr;
        if (!error.isEmpty()) {
            action = m_endpointMenu->addAction(tr("%1 (cannot be read)").arg(name));
            action->setToolTip(error);
        } else if (current.isNull()) {
            action = m_endpointMenu->addAction(tr("%1 (no version yet)").arg(name));
        } else {
            action = m_endpointMenu->addAction(
                tr("%1: current version #%2 of %3")
                    .arg(name)
                    .arg(current.id)
                    .arg(
                        QLocale().toString(current.createdAt.toLocalTime(), QLocale::ShortFormat)));
        }
        action->setObjectName(QLatin1String("compareEndpoint:") + name);
        action->setEnabled(error.isEmpty() && !current.isNull());
        connect(action, &QAction::triggered, this, [this, name] { compareWithEndpoint(name); });
    }
    if (m_endpointMenu->isEmpty())
        m_endpointMenu->addAction(tr("No other endpoint"))->setEnabled(false);
}

} // namespace hookbench
