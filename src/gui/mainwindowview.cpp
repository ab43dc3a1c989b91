// MainWindow: the View menu (issue 9).
#include "apptheme.h"
#include "mainwindow.h"

#include <QActionGroup>
#include <QMenu>
#include <QMenuBar>

namespace hookbench {

void MainWindow::setAppTheme(AppTheme *theme)
{
    auto *view = new QMenu(tr("&View"), this);
    view->setObjectName(QStringLiteral("viewMenu"));
    menuBar()->insertMenu(m_helpMenu->menuAction(), view);
    QMenu *appearance =
        view->addMenu(QIcon::fromTheme(QStringLiteral("color-management")), tr("&Appearance"));
    appearance->setObjectName(QStringLiteral("appearanceMenu"));
    auto *group = new QActionGroup(appearance);
    const auto add = [&](const QString &text, ThemeChoice choice, const QString &name) {
        QAction *action = appearance->addAction(text);
        action->setObjectName(name);
        action->setCheckable(true);
        action->setChecked(theme->choice() == choice);
        action->setActionGroup(group);
        connect(action, &QAction::triggered, theme, [theme, choice] { theme->setChoice(choice); });
        connect(theme, &AppTheme::choiceChanged, action,
                [action, choice](ThemeChoice chosen) { action->setChecked(chosen == choice); });
    };
    add(tr("Same as the &System"), ThemeChoice::System, QStringLiteral("themeSystemAction"));
    add(tr("&Light"), ThemeChoice::Light, QStringLiteral("themeLightAction"));
    add(tr("&Dark"), ThemeChoice::Dark, QStringLiteral("themeDarkAction"));
}

} // namespace hookbench
