<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
<context>
    <name>AboutWindow</name>
    <message>
        <source>Field Reader never uses the network: chapters, pictures, notes and search all stay on this computer.</source>
        <translation>Field Reader n’utilise jamais le réseau&#xa0;: chapitres, images, notes et recherche restent sur cet ordinateur.</translation>
    </message>
    <message>
        <source>The licence file ({name}) is missing from this copy.</source>
        <translation>Le fichier de licence ({name}) manque dans cette copie.</translation>
    </message>
    <message>
        <source>About Field Reader</source>
        <translation>À propos de Field Reader</translation>
    </message>
    <message>
        <source>Version, licence and the folder holding your notes</source>
        <translation>Version, licence et dossier qui contient vos notes</translation>
    </message>
    <message>
        <source>Field Reader version {version}</source>
        <translation>Field Reader version {version}</translation>
    </message>
    <message>
        <source>An offline reader for course chapters.</source>
        <translation>Un lecteur hors ligne de chapitres de cours.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Version&#xa0;:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Licence&#xa0;:</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licence</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Version de Qt</translation>
    </message>
    <message>
        <source>{version} on {system}</source>
        <translation>{version} sous {system}</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Dossier de données</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Dossier de données&#xa0;:</translation>
    </message>
    <message>
        <source>Network use</source>
        <translation>Utilisation du réseau</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>État</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>Ouvrir le dossier de données</translation>
    </message>
    <message>
        <source>Show the folder holding your notes, settings and backups in the file manager</source>
        <translation>Afficher dans le gestionnaire de fichiers le dossier qui contient vos notes, réglages et sauvegardes</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Fermer</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Fermer cette fenêtre</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist yet: it is made when you first highlight, change a setting or export.</source>
        <translation>Le dossier {folder} n’existe pas encore&#xa0;: il est créé au premier surlignage, au premier réglage modifié ou au premier export.</translation>
    </message>
    <message>
        <source>No file manager could be started. The folder is {folder} (select the path above to copy it).</source>
        <translation>Aucun gestionnaire de fichiers n’a pu être lancé. Le dossier est {folder} (sélectionnez le chemin ci-dessus pour le copier).</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>Highlight</source>
        <translation>Surlignage</translation>
    </message>
    <message>
        <source>Delete Bookmark</source>
        <translation>Suppression du signet</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>Suppression du surlignage</translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation>Changement de couleur</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>Modification de la note</translation>
    </message>
</context>
<context>
    <name>AnnotationsFeature</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Your notes could not be read from {path} ({message}). The file is left as it is; the chapters can still be read.</source>
        <translation>Vos notes n’ont pas pu être lues depuis {path} ({message}). Le fichier est laissé tel quel&#xa0;; les chapitres restent lisibles.</translation>
    </message>
    <message>
        <source>Your change was not saved</source>
        <translation>Votre modification n’a pas été enregistrée</translation>
    </message>
    <message>
        <source>This highlight was deleted elsewhere since; undo skipped so the newer version is kept.</source>
        <translation>Ce surlignage a été supprimé ailleurs entre-temps&#xa0;; l’annulation est ignorée pour garder la version la plus récente.</translation>
    </message>
    <message>
        <source>This highlight was deleted elsewhere since; redo skipped so the newer version is kept.</source>
        <translation>Ce surlignage a été supprimé ailleurs entre-temps&#xa0;; le rétablissement est ignoré pour garder la version la plus récente.</translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere since; undo skipped so the newer version is kept.</source>
        <translation>Ce surlignage a été modifié ailleurs entre-temps&#xa0;; l’annulation est ignorée pour garder la version la plus récente.</translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere since; redo skipped so the newer version is kept.</source>
        <translation>Ce surlignage a été modifié ailleurs entre-temps&#xa0;; le rétablissement est ignoré pour garder la version la plus récente.</translation>
    </message>
    <message>
        <source>Notes cannot be changed.</source>
        <translation>Les notes ne peuvent pas être modifiées.</translation>
    </message>
    <message>
        <source>Bookmark deleted. Ctrl+Z brings it back.</source>
        <translation>Signet supprimé. Ctrl+Z le rétablit.</translation>
    </message>
    <message>
        <source>Highlight deleted. Ctrl+Z brings it back.</source>
        <translation>Surlignage supprimé. Ctrl+Z le rétablit.</translation>
    </message>
    <message>
        <source>That chapter is not in this library.</source>
        <translation>Ce chapitre n’est pas dans cette bibliothèque.</translation>
    </message>
    <message>
        <source>This note&apos;s passage was not found in the current text of the chapter.</source>
        <translation>Le passage de cette note est introuvable dans le texte actuel du chapitre.</translation>
    </message>
</context>
<context>
    <name>Bookmarks</name>
    <message>
        <source>Bookmark</source>
        <translation>Signet</translation>
    </message>
    <message>
        <source>Toggle &amp;Bookmark</source>
        <translation>Ajouter ou retirer un si&amp;gnet</translation>
    </message>
    <message>
        <source>Bookmark the paragraph at the top of the page, or remove its bookmark</source>
        <translation>Poser un signet sur le paragraphe en haut de la page, ou retirer son signet</translation>
    </message>
    <message>
        <source>Notes cannot be changed now.</source>
        <translation>Les notes ne peuvent pas être modifiées pour l’instant.</translation>
    </message>
    <message>
        <source>There is no text here to bookmark.</source>
        <translation>Il n’y a pas de texte ici où poser un signet.</translation>
    </message>
    <message>
        <source>Bookmarked. Ctrl+D again removes it.</source>
        <translation>Signet posé. Ctrl+D à nouveau le retire.</translation>
    </message>
</context>
<context>
    <name>Caret</name>
    <message>
        <source>Select text first: drag, or press F7 and use Shift+arrows</source>
        <translation>Sélectionnez d’abord du texte&#xa0;: faites glisser la souris, ou appuyez sur F7 puis utilisez Maj+flèches</translation>
    </message>
</context>
<context>
    <name>ChapterWatch</name>
    <message>
        <source>{path} can no longer be read ({reason}).</source>
        <translation>{path} ne peut plus être lu ({reason}).</translation>
    </message>
    <message>
        <source>{path} changed on disk and is shown as it now reads.</source>
        <translation>{path} a changé sur le disque et s’affiche dans sa nouvelle version.</translation>
    </message>
    <message>
        <source>{message} The version shown is kept.</source>
        <translation>{message} La version affichée est conservée.</translation>
    </message>
</context>
<context>
    <name>CodeBlocks</name>
    <message>
        <source>Copy Code &amp;Block</source>
        <translation>Copier le &amp;bloc de code</translation>
    </message>
    <message>
        <source>Copy the whole code block, line by line, as written</source>
        <translation>Copier tout le bloc de code, ligne par ligne, tel qu’il est écrit</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Yellow</source>
        <translation>Jaune</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Vert</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Bleu</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rose</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Violet</translation>
    </message>
</context>
<context>
    <name>Command line</name>
    <message>
        <source>using the notes of {name}, the last reader; choose another with --profile NAME.</source>
        <translation>utilisation des notes de {name}, le dernier lecteur utilisé&#xa0;; choisissez-en un autre avec --profile NAME.</translation>
    </message>
</context>
<context>
    <name>ContentsFilter</name>
    <message>
        <source>Filter chapters</source>
        <translation>Filtrer les chapitres</translation>
    </message>
    <message>
        <source>Show only the chapters whose titles (or their modules&apos;) hold this text</source>
        <translation>N’afficher que les chapitres dont le titre (ou celui de leur module) contient ce texte</translation>
    </message>
    <message>
        <source>No chapter title holds “{text}”.</source>
        <translation>Aucun titre de chapitre ne contient «&#xa0;{text}&#xa0;».</translation>
    </message>
</context>
<context>
    <name>ContentsPanel</name>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Collapse</source>
        <translation>&amp;Replier</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>&amp;Déplier</translation>
    </message>
    <message>
        <source>Copy &amp;Title</source>
        <translation>Copier le &amp;titre</translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <source>Your notes cannot be read.</source>
        <translation>Vos notes ne peuvent pas être lues.</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>This chapter</source>
        <translation>Ce chapitre</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>build output, made from the sources</source>
        <translation>des fichiers produits à partir des sources</translation>
    </message>
    <message>
        <source>installed JavaScript packages</source>
        <translation>des paquets JavaScript installés</translation>
    </message>
    <message>
        <source>Python&apos;s compiled files</source>
        <translation>les fichiers compilés de Python</translation>
    </message>
    <message>
        <source>a Python virtual environment</source>
        <translation>un environnement virtuel Python</translation>
    </message>
    <message>
        <source>a website built from the chapters</source>
        <translation>un site web produit à partir des chapitres</translation>
    </message>
    <message>
        <source>third-party code copied into the project</source>
        <translation>du code de tiers copié dans le projet</translation>
    </message>
    <message>
        <source>The folder could not be read ({reason}); its chapters are missing.</source>
        <translation>Le dossier n’a pas pu être lu ({reason})&#xa0;; ses chapitres manquent.</translation>
    </message>
    <message>
        <source>The file is a link to a place outside the library folder and was not read; copy the chapter into the library instead.</source>
        <translation>Le fichier est un lien vers un emplacement hors du dossier de la bibliothèque et n’a pas été lu&#xa0;; copiez plutôt le chapitre dans la bibliothèque.</translation>
    </message>
    <message>
        <source>The file is a link to something that does not exist.</source>
        <translation>Le fichier est un lien vers quelque chose qui n’existe pas.</translation>
    </message>
    <message>
        <source>The file could not be read ({reason}).</source>
        <translation>Le fichier n’a pas pu être lu ({reason}).</translation>
    </message>
    <message>
        <source>The folder is a link to a place outside the library folder and was not read; copy its chapters into the library instead.</source>
        <translation>Le dossier est un lien vers un emplacement hors du dossier de la bibliothèque et n’a pas été lu&#xa0;; copiez plutôt ses chapitres dans la bibliothèque.</translation>
    </message>
    <message>
        <source>mdBook&apos;s built book, made from the chapters</source>
        <translation>le livre produit par mdBook à partir des chapitres</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: it is hidden (its name starts with a dot).</source>
        <translation>Le dossier {path}/ a été ignoré&#xa0;: il est caché (son nom commence par un point).</translation>
    </message>
    <message>
        <source>The file {path} was skipped: it is hidden (its name starts with a dot).</source>
        <translation>Le fichier {path} a été ignoré&#xa0;: il est caché (son nom commence par un point).</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: it is more than {depth} folder levels deep.</source>
        <translation>Le dossier {path}/ a été ignoré&#xa0;: il se trouve à plus de {depth} niveaux de dossiers de profondeur.</translation>
    </message>
    <message>
        <source>The file {path} was skipped: it is not a regular file.</source>
        <translation>Le fichier {path} a été ignoré&#xa0;: ce n’est pas un fichier ordinaire.</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: it is a link to a folder that is already read as part of the library.</source>
        <translation>Le dossier {path}/ a été ignoré&#xa0;: c’est un lien vers un dossier déjà lu comme partie de la bibliothèque.</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: {reason}.</source>
        <translation>Le dossier {path}/ a été ignoré&#xa0;: il contient {reason}.</translation>
    </message>
    <message>
        <source>Reading stopped here: the library holds more than {count} files and folders. Open a smaller folder as the library.</source>
        <translation>La lecture s’est arrêtée ici&#xa0;: la bibliothèque contient plus de {count} fichiers et dossiers. Ouvrez un dossier plus petit comme bibliothèque.</translation>
    </message>
    <message>
        <source>Reading stopped here: the library holds more than {count} chapter files. Open a smaller folder as the library.</source>
        <translation>La lecture s’est arrêtée ici&#xa0;: la bibliothèque contient plus de {count} fichiers de chapitres. Ouvrez un dossier plus petit comme bibliothèque.</translation>
    </message>
    <message>
        <source>The file is a link stored in the zip and was not read; put the chapter itself in the pack instead.</source>
        <translation>Le fichier est un lien enregistré dans le zip et n’a pas été lu&#xa0;; mettez plutôt le chapitre lui-même dans le paquet.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>Markdown study notes (*.md)</source>
        <translation>Fiches de révision Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page, printable (*.html)</source>
        <translation>Page web, imprimable (*.html)</translation>
    </message>
    <message>
        <source>Web Annotation JSON, to import elsewhere (*.json)</source>
        <translation>JSON Web Annotation, à importer ailleurs (*.json)</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Exporter les notes</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Format&#xa0;:</translation>
    </message>
    <message>
        <source>Notes of:</source>
        <translation>Notes de&#xa0;:</translation>
    </message>
    <message>
        <source>Sync Folder</source>
        <translation>Dossier de synchronisation</translation>
    </message>
    <message>
        <source>Field Reader merges the notes exported to this folder by other computers when it starts and when its window comes back to the front, and keeps this computer&apos;s notes there after every change. Use a shared drive or a USB stick.</source>
        <translation>Field Reader fusionne les notes exportées dans ce dossier par d’autres ordinateurs à son démarrage et quand sa fenêtre revient au premier plan, et y range les notes de cet ordinateur après chaque modification. Utilisez un lecteur partagé ou une clé USB.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Choisir…</translation>
    </message>
    <message>
        <source>&amp;Stop Syncing</source>
        <translation>&amp;Arrêter la synchronisation</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>Synchroniser &amp;maintenant</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Dossier&#xa0;: {folder}</translation>
    </message>
    <message>
        <source>No sync folder is set.</source>
        <translation>Aucun dossier de synchronisation n’est choisi.</translation>
    </message>
    <message>
        <source>Choose the Sync Folder</source>
        <translation>Choisir le dossier de synchronisation</translation>
    </message>
</context>
<context>
    <name>ExchangeFeature</name>
    <message>
        <source>&amp;Export Notes…</source>
        <translation>&amp;Exporter les notes…</translation>
    </message>
    <message>
        <source>Save your highlights and notes as study notes or JSON</source>
        <translation>Enregistrer vos surlignages et vos notes en fiches de révision ou en JSON</translation>
    </message>
    <message>
        <source>&amp;Import Notes…</source>
        <translation>I&amp;mporter des notes…</translation>
    </message>
    <message>
        <source>Merge highlights and notes exported on another computer</source>
        <translation>Fusionner les surlignages et les notes exportés sur un autre ordinateur</translation>
    </message>
    <message>
        <source>Sync &amp;Folder…</source>
        <translation>&amp;Dossier de synchronisation…</translation>
    </message>
    <message>
        <source>Share notes with other computers through a folder</source>
        <translation>Partager les notes avec d’autres ordinateurs par un dossier</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Exporter les notes</translation>
    </message>
    <message>
        <source>Notes exported to {path}.</source>
        <translation>Notes exportées vers {path}.</translation>
    </message>
    <message>
        <source>Notes not exported</source>
        <translation>Notes non exportées</translation>
    </message>
    <message>
        <source>Your notes cannot be read.</source>
        <translation>Vos notes ne peuvent pas être lues.</translation>
    </message>
    <message>
        <source>Exporting notes to {name}…</source>
        <translation>Export des notes vers {name}…</translation>
    </message>
    <message>
        <source>Exporting notes</source>
        <translation>Export des notes</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>{path} n’a pas pu être écrit ({reason}).</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>Importer des notes</translation>
    </message>
    <message>
        <source>Notes exports (*.json);;All files (*)</source>
        <translation>Exports de notes (*.json);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Notes not imported</source>
        <translation>Notes non importées</translation>
    </message>
    <message>
        <source>Your notes cannot be changed now.</source>
        <translation>Vos notes ne peuvent pas être modifiées pour l’instant.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Import de {name}…</translation>
    </message>
    <message>
        <source>Importing notes</source>
        <translation>Import des notes</translation>
    </message>
    <message>
        <source>{name} was not imported; nothing was changed.</source>
        <translation>{name} n’a pas été importé&#xa0;; rien n’a été modifié.</translation>
    </message>
    <message>
        <source>Notes imported</source>
        <translation>Notes importées</translation>
    </message>
    <message>
        <source>Imported {name}:</source>
        <translation>{name} importé&#xa0;:</translation>
    </message>
</context>
<context>
    <name>ExchangeTasks</name>
    <message>
        <source>Syncing… {done} of {total} files</source>
        <translation>Synchronisation… fichier {done} sur {total}</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>--all-libraries exports whole libraries: leave out --chapter.</source>
        <translation>--all-libraries exporte des bibliothèques entières&#xa0;: retirez --chapter.</translation>
    </message>
    <message>
        <source>--all-libraries writes JSON only (study notes are made per library): use --format json or a .json file.</source>
        <translation>--all-libraries n’écrit que du JSON (les fiches de révision se font par bibliothèque)&#xa0;: utilisez --format json ou un fichier .json.</translation>
    </message>
</context>
<context>
    <name>Exported</name>
    <message>
        <source>created {day}</source>
        <translation>créée le {day}</translation>
    </message>
    <message>
        <source> · edited {day}</source>
        <translation> · modifiée le {day}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in chapter</source>
        <translation>Chercher dans le chapitre</translation>
    </message>
    <message>
        <source>Enter: next match; Shift+Enter: previous; Ctrl+H highlights the match; Esc closes</source>
        <translation>Entrée&#xa0;: occurrence suivante&#xa0;; Maj+Entrée&#xa0;: précédente&#xa0;; Ctrl+H surligne l’occurrence&#xa0;; Échap ferme</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Respecter la casse</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Occurrence précédente (Maj+Entrée, Maj+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Occurrence suivante (Entrée, F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Fermer (Échap)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Fermer la barre de recherche</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Aucune occurrence</translation>
    </message>
    <message>
        <source>%n match(es)</source>
        <translation>%n occurrence(s)</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} sur {total}</translation>
    </message>
</context>
<context>
    <name>HelpFeature</name>
    <message>
        <source>&amp;Using Field Reader</source>
        <translation>&amp;Utiliser Field Reader</translation>
    </message>
    <message>
        <source>Open the guide to Field Reader</source>
        <translation>Ouvrir le guide de Field Reader</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Raccourcis clavier</translation>
    </message>
    <message>
        <source>List every key of Field Reader</source>
        <translation>Lister toutes les touches de Field Reader</translation>
    </message>
    <message>
        <source>&amp;About Field Reader</source>
        <translation>&amp;À propos de Field Reader</translation>
    </message>
    <message>
        <source>Version, licence and data folder</source>
        <translation>Version, licence et dossier de données</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Using Field Reader</source>
        <translation>Utiliser Field Reader</translation>
    </message>
    <message>
        <source>The guide could not be read from `{path}`: {reason}.

This copy of Field Reader is incomplete; reinstalling it brings the guide back. Your notes are not affected.</source>
        <translation>Le guide n’a pas pu être lu depuis `{path}`&#xa0;: {reason}.

Cette copie de Field Reader est incomplète&#xa0;; la réinstaller rend le guide. Vos notes ne sont pas touchées.</translation>
    </message>
    <message>
        <source>The guide to Field Reader; Tab moves between its links</source>
        <translation>Le guide de Field Reader&#xa0;; Tab passe d’un lien à l’autre</translation>
    </message>
    <message>
        <source>{title} — Field Reader</source>
        <translation>{title} — Field Reader</translation>
    </message>
    <message>
        <source>A guide to reading, highlighting and keeping notes</source>
        <translation>Un guide pour lire, surligner et prendre des notes</translation>
    </message>
</context>
<context>
    <name>HighlightMenus</name>
    <message>
        <source>Change &amp;Colour</source>
        <translation>Changer la &amp;couleur</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>Modifier la &amp;note…</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>Ajouter une &amp;note…</translation>
    </message>
    <message>
        <source>Copy &amp;Quote</source>
        <translation>Copier la ci&amp;tation</translation>
    </message>
    <message>
        <source>&amp;Delete Bookmark</source>
        <translation>&amp;Supprimer le signet</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>&amp;Supprimer le surlignage</translation>
    </message>
    <message>
        <source>Highlight “{quote}”</source>
        <translation>Surlignage «&#xa0;{quote}&#xa0;»</translation>
    </message>
</context>
<context>
    <name>HighlightPainter</name>
    <message>
        <source>Highlighted, {colour}; note: {note}</source>
        <translation>Surligné, {colour}&#xa0;; note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>Highlighted, {colour}</source>
        <translation>Surligné, {colour}</translation>
    </message>
</context>
<context>
    <name>Images</name>
    <message>
        <source>Image too large to show.</source>
        <translation>Image trop grande pour être affichée.</translation>
    </message>
    <message>
        <source>The image file could not be read.</source>
        <translation>Le fichier image n’a pas pu être lu.</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>added: {count}</source>
        <translation>ajoutées&#xa0;: {count}</translation>
    </message>
    <message>
        <source>updated: {count}</source>
        <translation>mises à jour&#xa0;: {count}</translation>
    </message>
    <message>
        <source>deleted: {count}</source>
        <translation>supprimées&#xa0;: {count}</translation>
    </message>
    <message>
        <source>unchanged: {count}</source>
        <translation>inchangées&#xa0;: {count}</translation>
    </message>
    <message>
        <source>orphaned: {count}</source>
        <translation>introuvables dans le texte&#xa0;: {count}</translation>
    </message>
    <message>
        <source>kept for chapters not in this library: {count}</source>
        <translation>gardées pour des chapitres absents de cette bibliothèque&#xa0;: {count}</translation>
    </message>
    <message>
        <source>for other libraries than this one: {count}</source>
        <translation>pour d’autres bibliothèques que celle-ci&#xa0;: {count}</translation>
    </message>
    <message>
        <source>moved to another library: {count}</source>
        <translation>déplacées vers une autre bibliothèque&#xa0;: {count}</translation>
    </message>
    <message>
        <source>1 date in the future was set to now</source>
        <translation>1 date dans le futur a été ramenée à maintenant</translation>
    </message>
    <message>
        <source>{count} dates in the future were set to now</source>
        <translation>{count} dates dans le futur ont été ramenées à maintenant</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>La&amp;ngue</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>Langue du &amp;système</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>The library changed since it was last read.</source>
        <translation>La bibliothèque a changé depuis sa dernière lecture.</translation>
    </message>
    <message>
        <source>Checking the library</source>
        <translation>Vérification de la bibliothèque</translation>
    </message>
    <message>
        <source>Reading the library: {done} of {total} chapters</source>
        <translation>Lecture de la bibliothèque : {done} chapitres sur {total}</translation>
    </message>
    <message>
        <source>The whole library could not be read: {reason}</source>
        <translation>La bibliothèque n’a pas pu être lue en entier : {reason}</translation>
    </message>
    <message>
        <source>Reading the library</source>
        <translation>Lecture de la bibliothèque</translation>
    </message>
    <message>
        <source>{summary} lists this chapter, but the file is not in the library folder (or is in a folder that was skipped).</source>
        <translation>{summary} cite ce chapitre, mais le fichier n’est pas dans le dossier de la bibliothèque (ou se trouve dans un dossier ignoré).</translation>
    </message>
    <message>
        <source>The slug &quot;{slug}&quot; is already used by {path}; give this chapter its own slug in its front matter.</source>
        <translation>Le slug «&#xa0;{slug}&#xa0;» est déjà utilisé par {path}&#xa0;; donnez à ce chapitre son propre slug dans son en-tête YAML.</translation>
    </message>
    <message>
        <source>The chapter has no title and no heading; it is listed as &quot;{title}&quot;. Start it with a `# Title` line (or add `title:` to its front matter).</source>
        <translation>Le chapitre n’a ni titre ni intertitre&#xa0;; il est listé sous le nom «&#xa0;{title}&#xa0;». Commencez-le par une ligne `# Titre` (ou ajoutez `title:` à son en-tête YAML).</translation>
    </message>
    <message>
        <source>The front matter is not valid YAML ({detail}).</source>
        <translation>L’en-tête YAML n’est pas du YAML valide ({detail}).</translation>
    </message>
    <message>
        <source>The front matter cannot be read ({detail}).</source>
        <translation>L’en-tête YAML ne peut pas être lu ({detail}).</translation>
    </message>
    <message>
        <source>The front matter must be a set of `key: value` lines; it was ignored.</source>
        <translation>L’en-tête YAML doit être une suite de lignes `clé: valeur`&#xa0;; il a été ignoré.</translation>
    </message>
    <message>
        <source>The library folder {path} does not exist.</source>
        <translation>Le dossier de bibliothèque {path} n’existe pas.</translation>
    </message>
    <message>
        <source>The library folder {path} could not be read ({reason}).</source>
        <translation>Le dossier de bibliothèque {path} n’a pas pu être lu ({reason}).</translation>
    </message>
    <message>
        <source>The file is the book&apos;s table of contents, not a chapter.</source>
        <translation>Le fichier est la table des matières du livre, pas un chapitre.</translation>
    </message>
    <message>
        <source>The file was skipped: it is not listed in {summary}.</source>
        <translation>Le fichier a été ignoré&#xa0;: il n’est pas cité dans {summary}.</translation>
    </message>
    <message>
        <source>The file is {size} MB; chapters larger than {limit} MB are not opened. Split it into several chapters (one file per section, say).</source>
        <translation>Le fichier fait {size}&#xa0;Mo&#xa0;; les chapitres de plus de {limit}&#xa0;Mo ne sont pas ouverts. Découpez-le en plusieurs chapitres (un fichier par section, par exemple).</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}.</source>
        <translation>Le fichier n’a pas pu être lu&#xa0;: {reason}.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 (byte {byte}); save it as UTF-8 text.</source>
        <translation>Le fichier n’est pas de l’UTF-8 valide (octet {byte})&#xa0;; enregistrez-le comme texte UTF-8.</translation>
    </message>
    <message>
        <source>{problem} The chapter is shown without it.</source>
        <translation>{problem} Le chapitre est affiché sans lui.</translation>
    </message>
    <message>
        <source>The slug &quot;{slug}&quot; may only use letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot; and must start with a letter or digit; a slug made from the file&apos;s path is used instead.</source>
        <translation>Le slug «&#xa0;{slug}&#xa0;» ne peut contenir que des lettres, des chiffres, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» et «&#xa0;-&#xa0;» et doit commencer par une lettre ou un chiffre&#xa0;; un slug tiré du chemin du fichier est utilisé à la place.</translation>
    </message>
    <message>
        <source>`order` must be a number, not {value}; it is ignored.</source>
        <translation>`order` doit être un nombre, pas {value}&#xa0;; il est ignoré.</translation>
    </message>
    <message>
        <source>`{key}` must be text, not a {type}; it is ignored.</source>
        <translation>`{key}` doit être du texte, pas un {type}&#xa0;; il est ignoré.</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>ce n’est pas du texte UTF-8</translation>
    </message>
    <message>
        <source>The book&apos;s table of contents could not be read ({reason}).</source>
        <translation>La table des matières du livre n’a pas pu être lue ({reason}).</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; points to {target}, outside the book; it was left out.</source>
        <translation>«&#xa0;{title}&#xa0;» pointe vers {target}, hors du livre&#xa0;; il a été laissé de côté.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; is a draft chapter (no file yet).</source>
        <translation>«&#xa0;{title}&#xa0;» est un chapitre en projet (sans fichier pour l’instant).</translation>
    </message>
    <message>
        <source>The file is listed twice in {summary}; it is read at its first place.</source>
        <translation>Le fichier est cité deux fois dans {summary}&#xa0;; il est lu à sa première place.</translation>
    </message>
</context>
<context>
    <name>LibraryList</name>
    <message>
        <source>The list of libraries opened before ({path}) cannot be read ({reason}); it starts empty.</source>
        <translation>La liste des bibliothèques ouvertes auparavant ({path}) ne peut pas être lue ({reason})&#xa0;; elle repart vide.</translation>
    </message>
    <message>
        <source>The list of libraries opened before ({path}) is damaged; it starts empty.</source>
        <translation>La liste des bibliothèques ouvertes auparavant ({path}) est endommagée&#xa0;; elle repart vide.</translation>
    </message>
    <message>
        <source>The list of libraries opened before ({path}) holds no list; it starts empty.</source>
        <translation>Le fichier de la liste des bibliothèques ouvertes auparavant ({path}) ne contient pas de liste&#xa0;; elle repart vide.</translation>
    </message>
    <message>
        <source>{count} entries of the list of libraries opened before ({path}) were damaged and left out; the others are kept.</source>
        <translation>{count} entrées de la liste des bibliothèques ouvertes auparavant ({path}) étaient endommagées et ont été écartées&#xa0;; les autres sont conservées.</translation>
    </message>
</context>
<context>
    <name>LibraryMenu</name>
    <message>
        <source>Drop one folder or one .zip course pack to open it as the library.</source>
        <translation>Déposez un seul dossier ou un seul paquet de cours .zip pour l’ouvrir comme bibliothèque.</translation>
    </message>
    <message>
        <source>Only a folder or .zip on this computer can be opened as a library.</source>
        <translation>Seul un dossier ou un .zip de cet ordinateur peut être ouvert comme bibliothèque.</translation>
    </message>
    <message>
        <source>{name} is not a folder or a .zip course pack, so it cannot be opened.</source>
        <translation>{name} n’est ni un dossier ni un paquet de cours .zip&#xa0;: il ne peut donc pas être ouvert.</translation>
    </message>
    <message>
        <source>A copy of it is kept as {name}.</source>
        <translation>Une copie en est conservée sous le nom {name}.</translation>
    </message>
    <message>
        <source>The list of libraries opened before cannot be saved in {path} ({reason}).</source>
        <translation>La liste des bibliothèques ouvertes auparavant ne peut pas être enregistrée dans {path} ({reason}).</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>&amp;Ouvrir une bibliothèque…</translation>
    </message>
    <message>
        <source>Open a course pack (.zip) as the library</source>
        <translation>Ouvrir un paquet de cours (.zip) comme bibliothèque</translation>
    </message>
    <message>
        <source>Open Library &amp;Folder…</source>
        <translation>Ouvrir un &amp;dossier de bibliothèque…</translation>
    </message>
    <message>
        <source>Open a folder of chapters as the library</source>
        <translation>Ouvrir un dossier de chapitres comme bibliothèque</translation>
    </message>
    <message>
        <source>{title} (bundled)</source>
        <translation>{title} (intégrée)</translation>
    </message>
    <message>
        <source>Bundled Chapters</source>
        <translation>Chapitres intégrés</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>&amp;Retirer de la liste</translation>
    </message>
    <message>
        <source>The chapters that come with Field Reader</source>
        <translation>Les chapitres fournis avec Field Reader</translation>
    </message>
    <message>
        <source>Not found at {path}. Plug its drive in, or remove it from the list.</source>
        <translation>Introuvable à l’emplacement {path}. Branchez son disque, ou retirez-la de la liste.</translation>
    </message>
    <message>
        <source> (unavailable)</source>
        <translation> (indisponible)</translation>
    </message>
    <message>
        <source>“{title}” was removed from the list of libraries.</source>
        <translation>La bibliothèque «&#xa0;{title}&#xa0;» a été retirée de la liste.</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>Ouvrir une bibliothèque</translation>
    </message>
    <message>
        <source>Course packs (*.zip);;All files (*)</source>
        <translation>Paquets de cours (*.zip);;Tous les fichiers (*)</translation>
    </message>
    <message>
        <source>Open Library Folder</source>
        <translation>Ouvrir un dossier de bibliothèque</translation>
    </message>
    <message>
        <source>That library is already open.</source>
        <translation>Cette bibliothèque est déjà ouverte.</translation>
    </message>
    <message>
        <source>The library open now stays open.</source>
        <translation>La bibliothèque actuelle reste ouverte.</translation>
    </message>
</context>
<context>
    <name>LibraryStart</name>
    <message>
        <source>The library “{title}” is not at {path} any more (a drive unplugged?), so the bundled library is open. Choose another from the Library menu.</source>
        <translation>La bibliothèque «&#xa0;{title}&#xa0;» n’est plus dans {path} (un disque débranché&#xa0;?)&#xa0;: la bibliothèque intégrée est donc ouverte. Choisissez-en une autre dans le menu Bibliothèque.</translation>
    </message>
    <message>
        <source>The library “{title}” could not be opened again: {reason} The bundled library is open instead.</source>
        <translation>La bibliothèque «&#xa0;{title}&#xa0;» n’a pas pu être rouverte&#xa0;: {reason} La bibliothèque intégrée est ouverte à la place.</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link to a web page</source>
        <translation>Lien vers une page web</translation>
    </message>
    <message>
        <source>This link leads to a web page outside Field Reader. Field Reader works offline and never opens web pages by itself.</source>
        <translation>Ce lien mène à une page web hors de Field Reader. Field Reader fonctionne hors ligne et n’ouvre jamais de page web de lui-même.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copier l’adresse</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Ouvrir dans le navigateur</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiée</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>There is no chapter &quot;{slug}&quot; in this library.</source>
        <translation>Il n’y a pas de chapitre «&#xa0;{slug}&#xa0;» dans cette bibliothèque.</translation>
    </message>
    <message>
        <source>E-mail links are not opened by Field Reader.</source>
        <translation>Field Reader n’ouvre pas les liens d’e-mail.</translation>
    </message>
    <message>
        <source>Links of the kind {scheme}: are not opened by Field Reader.</source>
        <translation>Field Reader n’ouvre pas les liens de type {scheme}:.</translation>
    </message>
    <message>
        <source>This link has no scheme; Field Reader does not guess one.</source>
        <translation>Ce lien n’a pas de schéma (comme https:)&#xa0;; Field Reader ne le devine pas.</translation>
    </message>
    <message>
        <source>This link does not lead anywhere.</source>
        <translation>Ce lien ne mène nulle part.</translation>
    </message>
    <message>
        <source>This link points outside the course library and is not opened.</source>
        <translation>Ce lien pointe hors de la bibliothèque du cours et n’est pas ouvert.</translation>
    </message>
    <message>
        <source>{path} is a folder of the course that Field Reader does not show.</source>
        <translation>{path} est un dossier du cours que Field Reader n’affiche pas.</translation>
    </message>
    <message>
        <source>{path} is a file of the course that Field Reader does not show.</source>
        <translation>{path} est un fichier du cours que Field Reader n’affiche pas.</translation>
    </message>
    <message>
        <source>{path} is not in this copy of the course.</source>
        <translation>{path} n’est pas dans cet exemplaire du cours.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The chapter. F7 turns on the caret for selecting with the keyboard.</source>
        <translation>Le chapitre. F7 active le curseur pour sélectionner au clavier.</translation>
    </message>
    <message>
        <source>Chapter text</source>
        <translation>Texte du chapitre</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Panneau latéral</translation>
    </message>
    <message>
        <source>Contents, Notes and Search; Ctrl+1, 2 and 3</source>
        <translation>Sommaire, Notes et Recherche&#xa0;; Ctrl+1, 2 et 3</translation>
    </message>
    <message>
        <source>Sidebar tabs</source>
        <translation>Onglets du panneau latéral</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Sommaire</translation>
    </message>
    <message>
        <source>Chapter and section</source>
        <translation>Chapitre et section</translation>
    </message>
    <message>
        <source>Position in the chapter</source>
        <translation>Position dans le chapitre</translation>
    </message>
    <message>
        <source>%n problem(s) found in the library: see Help &gt; Library problems.</source>
        <translation>%n problème(s) trouvé(s) dans la bibliothèque&#xa0;: voir Aide &gt; Problèmes de la bibliothèque.</translation>
    </message>
    <message>
        <source>Caret &amp;Browsing</source>
        <translation>Navigation au &amp;curseur</translation>
    </message>
    <message>
        <source>Move through the text with a caret; Shift+arrows select it for highlighting</source>
        <translation>Parcourir le texte avec un curseur&#xa0;; Maj+flèches sélectionne pour surligner</translation>
    </message>
    <message>
        <source>Go to &amp;Search Results</source>
        <translation>Aller aux &amp;résultats de recherche</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the search results</source>
        <translation>Placer le focus du clavier sur les résultats de recherche</translation>
    </message>
    <message>
        <source>Reading toolbar</source>
        <translation>Barre d’outils de lecture</translation>
    </message>
    <message>
        <source>Chapter changed</source>
        <translation>Chapitre modifié</translation>
    </message>
    <message>
        <source>{error} It cannot be shown now; your notes on it are kept.</source>
        <translation>{error} Il ne peut pas être affiché pour l’instant&#xa0;; vos notes sur ce chapitre sont conservées.</translation>
    </message>
    <message>
        <source>This link does not lead anywhere Field Reader can open.</source>
        <translation>Ce lien ne mène nulle part où Field Reader peut aller.</translation>
    </message>
    <message>
        <source>Caret browsing on: arrows move the caret, Shift+arrows select, Ctrl+H highlights.</source>
        <translation>Navigation au curseur activée&#xa0;: les flèches déplacent le curseur, Maj+flèches sélectionne, Ctrl+H surligne.</translation>
    </message>
    <message>
        <source>Caret browsing off.</source>
        <translation>Navigation au curseur désactivée.</translation>
    </message>
    <message>
        <source>Search is not ready yet.</source>
        <translation>La recherche n’est pas encore prête.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No chapters to show&lt;/h2&gt;&lt;p&gt;Field Reader found no readable chapter in &lt;code&gt;{folder}&lt;/code&gt;. Every &lt;code&gt;.md&lt;/code&gt; file in the folder and its subfolders is a chapter.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Aucun chapitre à afficher&lt;/h2&gt;&lt;p&gt;Field Reader n’a trouvé aucun chapitre lisible dans &lt;code&gt;{folder}&lt;/code&gt;. Chaque fichier &lt;code&gt;.md&lt;/code&gt; du dossier et de ses sous-dossiers est un chapitre.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Problems found:&lt;/p&gt;&lt;ul&gt;{problems}&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Problèmes trouvés&#xa0;:&lt;/p&gt;&lt;ul&gt;{problems}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Library problems</source>
        <translation>Problèmes de la bibliothèque</translation>
    </message>
    <message>
        <source>Every chapter file opened without a problem.</source>
        <translation>Chaque fichier de chapitre s’est ouvert sans problème.</translation>
    </message>
    <message>
        <source>Some files of the library could not be opened; the others are shown.</source>
        <translation>Certains fichiers de la bibliothèque n’ont pas pu être ouverts&#xa0;; les autres sont affichés.</translation>
    </message>
</context>
<context>
    <name>ManageReaders</name>
    <message>
        <source>Manage Readers</source>
        <translation>Gérer les lecteurs</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Ajouter…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Re&amp;nommer…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Supprimer…</translation>
    </message>
    <message>
        <source>Readers keep their work apart; they do not protect it. Anyone using this computer&apos;s login can open any reader.</source>
        <translation>Les lecteurs séparent le travail de chacun&#xa0;; ils ne le protègent pas. Toute personne qui utilise la session de cet ordinateur peut ouvrir n’importe quel lecteur.</translation>
    </message>
    <message>
        <source>This is the reader open now: switch to another reader to remove it.</source>
        <translation>C’est le lecteur ouvert en ce moment&#xa0;: passez à un autre lecteur pour le supprimer.</translation>
    </message>
    <message>
        <source>The last reader cannot be removed.</source>
        <translation>Le dernier lecteur ne peut pas être supprimé.</translation>
    </message>
    <message>
        <source>Add Reader</source>
        <translation>Ajouter un lecteur</translation>
    </message>
    <message>
        <source>Rename Reader</source>
        <translation>Renommer le lecteur</translation>
    </message>
    <message>
        <source>Remove Reader</source>
        <translation>Supprimer le lecteur</translation>
    </message>
    <message>
        <source>Remove {name}? Their notes, settings and places are deleted from this computer. A backup zip of their files is kept in the data folder&apos;s backups.</source>
        <translation>Supprimer {name}&#xa0;? Ses notes, ses réglages et ses positions de lecture sont effacés de cet ordinateur. Une sauvegarde zip de ses fichiers est conservée dans les sauvegardes du dossier de données.</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Supprimer {name}</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conserver</translation>
    </message>
    <message>
        <source>{name} is open in another window: close it there first.</source>
        <translation>Le lecteur {name} est ouvert dans une autre fenêtre&#xa0;: fermez-la d’abord.</translation>
    </message>
    <message>
        <source>Removed {name}. A backup of their files is kept in {backup}.</source>
        <translation>Lecteur {name} supprimé. Une sauvegarde de ses fichiers est conservée dans {backup}.</translation>
    </message>
    <message>
        <source>{count} files could not be deleted, in {folder}.</source>
        <translation>{count} fichiers n’ont pas pu être supprimés, dans {folder}.</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nom&#xa0;:</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Retour</translation>
    </message>
    <message>
        <source>Back to where you were before the last jump</source>
        <translation>Revenir là où vous étiez avant le dernier saut</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;vancer</translation>
    </message>
    <message>
        <source>Forward again, after going back</source>
        <translation>Avancer de nouveau, après un retour</translation>
    </message>
    <message>
        <source>That place is no longer in the library.</source>
        <translation>Cet endroit n’est plus dans la bibliothèque.</translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <source>was: </source>
        <translation>avant&#xa0;: </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Write your note (plain text)…</source>
        <translation>Écrivez votre note (texte brut)…</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. Notes are kept as plain text.</source>
        <translation>Ctrl+Entrée enregistre. Les notes sont conservées en texte brut.</translation>
    </message>
</context>
<context>
    <name>NoteListing</name>
    <message>
        <source>Listing notes</source>
        <translation>Liste des notes</translation>
    </message>
</context>
<context>
    <name>NotesMenu</name>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>&amp;Surligner la sélection</translation>
    </message>
    <message>
        <source>Highlight the selected text in the last colour used</source>
        <translation>Surligner le texte sélectionné dans la dernière couleur utilisée</translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour</source>
        <translation>Surligner en &amp;couleur</translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour…</source>
        <translation>Surligner en &amp;couleur…</translation>
    </message>
    <message>
        <source>Highlight the selected text in a colour of your choice (then 1 to 5)</source>
        <translation>Surligner le texte sélectionné dans la couleur de votre choix (puis 1 à 5)</translation>
    </message>
    <message>
        <source>Highlight with &amp;Note…</source>
        <translation>Surligner avec une &amp;note…</translation>
    </message>
    <message>
        <source>Highlight the selected text and write a note on it</source>
        <translation>Surligner le texte sélectionné et y écrire une note</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Annuler</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Rétablir</translation>
    </message>
    <message>
        <source>Show &amp;Notes Panel</source>
        <translation>Afficher le panneau des n&amp;otes</translation>
    </message>
    <message>
        <source>Show your notes</source>
        <translation>Afficher vos notes</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Surligner</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Not found in the current text</source>
        <translation>Introuvables dans le texte actuel</translation>
    </message>
    <message>
        <source>Chapters not in this library</source>
        <translation>Chapitres absents de cette bibliothèque</translation>
    </message>
    <message>
        <source>Chapters changed since Field Reader started</source>
        <translation>Chapitres modifiés depuis le lancement de Field Reader</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Signets</translation>
    </message>
    <message>
        <source>Highlight, {colour}, in {place}: {quote}</source>
        <translation>Surlignage, {colour}, dans {place}&#xa0;: {quote}</translation>
    </message>
    <message>
        <source>Highlight in {place}: {quote}</source>
        <translation>Surlignage dans {place}&#xa0;: {quote}</translation>
    </message>
    <message>
        <source> Note: {note}</source>
        <translation> Note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>This chapter</source>
        <translation>Ce chapitre</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Tous les chapitres</translation>
    </message>
    <message>
        <source>Show notes of</source>
        <translation>Afficher les notes de</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Toutes les couleurs</translation>
    </message>
    <message>
        <source>Colour filter</source>
        <translation>Filtre de couleur</translation>
    </message>
    <message>
        <source>This chapter&apos;s notes, or every chapter&apos;s</source>
        <translation>Les notes de ce chapitre, ou de tous les chapitres</translation>
    </message>
    <message>
        <source>Show only highlights of one colour</source>
        <translation>N’afficher que les surlignages d’une couleur</translation>
    </message>
    <message>
        <source>Show notes of: choices</source>
        <translation>Afficher les notes de&#xa0;: choix</translation>
    </message>
    <message>
        <source>Colour filter: choices</source>
        <translation>Filtre de couleur&#xa0;: choix</translation>
    </message>
    <message>
        <source>Filter notes…</source>
        <translation>Filtrer les notes…</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>Filtrer les notes</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Your highlights by chapter and section. Enter shows one in the text; the Menu key or Shift+F10 offers Edit Note, Change Colour, Copy Quote and Delete.</source>
        <translation>Vos surlignages par chapitre et par section. Entrée en montre un dans le texte&#xa0;; la touche Menu ou Maj+F10 propose Modifier la note, Changer la couleur, Copier la citation et Supprimer.</translation>
    </message>
    <message>
        <source>No notes shown</source>
        <translation>Aucune note affichée</translation>
    </message>
    <message>
        <source>Chapter: {title}</source>
        <translation>Chapitre&#xa0;: {title}</translation>
    </message>
    <message>
        <source>Section: {title}</source>
        <translation>Section&#xa0;: {title}</translation>
    </message>
    <message>
        <source>was: “{earlier}”</source>
        <translation>avant&#xa0;: «&#xa0;{earlier}&#xa0;»</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Note&#xa0;: {note}</translation>
    </message>
    <message>
        <source>This passage is not in the chapter&apos;s current text. The highlight is kept, and Field Reader looks for it again every time the chapter opens.</source>
        <translation>Ce passage n’est pas dans le texte actuel du chapitre. Le surlignage est conservé, et Field Reader le recherche à chaque ouverture du chapitre.</translation>
    </message>
    <message>
        <source>This chapter&apos;s file changed after Field Reader started. The highlight is kept; start Field Reader again to see it in the new text.</source>
        <translation>Le fichier de ce chapitre a changé après le lancement de Field Reader. Le surlignage est conservé&#xa0;; relancez Field Reader pour le voir dans le nouveau texte.</translation>
    </message>
    <message>
        <source>Not found in the current text. </source>
        <translation>Introuvable dans le texte actuel. </translation>
    </message>
    <message>
        <source>Its chapter is not in this library. </source>
        <translation>Son chapitre n’est pas dans cette bibliothèque. </translation>
    </message>
    <message>
        <source>Its chapter changed since Field Reader started. </source>
        <translation>Son chapitre a changé depuis le lancement de Field Reader. </translation>
    </message>
    <message>
        <source>Changed {when}.</source>
        <translation>Modifiée le {when}.</translation>
    </message>
    <message>
        <source>No highlights yet. Select text in the chapter and press Ctrl+H (or right-click) to highlight it.</source>
        <translation>Aucun surlignage pour l’instant. Sélectionnez du texte dans le chapitre et appuyez sur Ctrl+H (ou faites un clic droit) pour le surligner.</translation>
    </message>
    <message>
        <source>No notes match the filter.</source>
        <translation>Aucune note ne correspond au filtre.</translation>
    </message>
</context>
<context>
    <name>NotesPanelLink</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>&amp;Show in Text</source>
        <translation>&amp;Afficher dans le texte</translation>
    </message>
</context>
<context>
    <name>Pack</name>
    <message>
        <source>{path} does not exist. Check the name, or plug the drive in.</source>
        <translation>{path} n’existe pas. Vérifiez le nom, ou branchez le lecteur.</translation>
    </message>
    <message>
        <source>{path} is not a course pack: open a folder of Markdown chapters, or a .zip file of one.</source>
        <translation>{path} n’est pas un paquet de cours&#xa0;: ouvrez un dossier de chapitres Markdown, ou le fichier .zip d’un tel dossier.</translation>
    </message>
    <message>
        <source>{path} holds no chapters: a course pack is a folder (or a .zip of a folder) of Markdown (.md) files.</source>
        <translation>{path} ne contient aucun chapitre&#xa0;: un paquet de cours est un dossier (ou le .zip d’un dossier) de fichiers Markdown (.md).</translation>
    </message>
    <message>
        <source>it could not be read, or is over 64 KB</source>
        <translation>il n’a pas pu être lu, ou dépasse 64&#xa0;Ko</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation>ce n’est pas du JSON valide</translation>
    </message>
    <message>
        <source>it must hold one JSON object {...}</source>
        <translation>il doit contenir un seul objet JSON {...}</translation>
    </message>
    <message>
        <source>these fields are not valid and were ignored: {fields}</source>
        <translation>ces champs ne sont pas valides et ont été ignorés&#xa0;: {fields}</translation>
    </message>
    <message>
        <source>The pack&apos;s metadata file is not used as written: {reason}. See the format in the README (an id of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, up to 64 characters).</source>
        <translation>Le fichier de métadonnées du paquet n’est pas utilisé tel qu’il est écrit&#xa0;: {reason}. Voir son format dans le README (un identifiant fait de lettres, de chiffres, «&#xa0;.&#xa0;», «&#xa0;_&#xa0;» ou «&#xa0;-&#xa0;», de 64&#xa0;caractères au plus).</translation>
    </message>
    <message>
        <source>it is damaged ({error})</source>
        <translation>il est endommagé ({error})</translation>
    </message>
    <message>
        <source>The course pack {name} cannot be opened: {why}. Nothing was unpacked or changed; ask its author for a new copy, or open another library.</source>
        <translation>Le paquet de cours {name} ne peut pas être ouvert&#xa0;: {why}. Rien n’a été décompressé ni modifié&#xa0;; demandez-en une nouvelle copie à son auteur, ou ouvrez une autre bibliothèque.</translation>
    </message>
    <message>
        <source>it is not a zip file, or its end is missing (cut short?)</source>
        <translation>ce n’est pas un fichier zip, ou sa fin manque (copie interrompue ?)</translation>
    </message>
    <message>
        <source>it holds {count} entries, more than the {limit} a course pack may have</source>
        <translation>il contient {count} entrées, plus que les {limit} permises pour un paquet de cours</translation>
    </message>
    <message>
        <source>its list of entries is damaged or absurdly large</source>
        <translation>sa liste d’entrées est endommagée ou démesurée</translation>
    </message>
    <message>
        <source>it holds an entry named &quot;{entry}&quot; that points outside the pack, as only a zip made to do harm does</source>
        <translation>il contient une entrée nommée «&#xa0;{entry}&#xa0;» qui pointe hors du paquet, ce que seul un zip fait pour nuire contient</translation>
    </message>
    <message>
        <source>its files are protected by a password</source>
        <translation>ses fichiers sont protégés par un mot de passe</translation>
    </message>
    <message>
        <source>it holds two entries named &quot;{entry}&quot;</source>
        <translation>il contient deux entrées nommées «&#xa0;{entry}&#xa0;»</translation>
    </message>
    <message>
        <source>it would unpack to far more than it holds ({entry} declares {size}), as a zip bomb does</source>
        <translation>il se décompresserait en bien plus qu’il ne contient ({entry} annonce {size}), comme une bombe zip</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>Web picture: {label}</source>
        <translation>Image web&#xa0;: {label}</translation>
    </message>
</context>
<context>
    <name>PrintFeature</name>
    <message>
        <source>Not printed (highlights only)</source>
        <translation>Non imprimées (surlignages seulement)</translation>
    </message>
    <message>
        <source>As footnotes, at the end of each chapter</source>
        <translation>En notes, à la fin de chaque chapitre</translation>
    </message>
    <message>
        <source>In an appendix, at the end</source>
        <translation>En annexe, à la fin</translation>
    </message>
    <message>
        <source>&amp;This chapter</source>
        <translation>&amp;Ce chapitre</translation>
    </message>
    <message>
        <source>&amp;All chapters</source>
        <translation>&amp;Tous les chapitres</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>Imprimer&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notes&#xa0;:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>&amp;Imprimer…</translation>
    </message>
    <message>
        <source>Print this chapter or all chapters, with your highlights and notes</source>
        <translation>Imprimer ce chapitre ou tous les chapitres, avec vos surlignages et vos notes</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Enregistrer en PD&amp;F…</translation>
    </message>
    <message>
        <source>Save this chapter or all chapters as a PDF, with your highlights and notes</source>
        <translation>Enregistrer ce chapitre ou tous les chapitres en PDF, avec vos surlignages et vos notes</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Enregistrer en PDF</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Enregistrer…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimer</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimer…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documents PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing printed</source>
        <translation>Rien n’a été imprimé</translation>
    </message>
    <message>
        <source>Your notes cannot be read. {message}</source>
        <translation>Vos notes ne peuvent pas être lues. {message}</translation>
    </message>
    <message>
        <source>The chapters changed on disk since they were listed. Reopen the library and print again.</source>
        <translation>Les chapitres ont changé sur le disque depuis leur lecture. Rouvrez la bibliothèque et imprimez à nouveau.</translation>
    </message>
    <message>
        <source>Saving as PDF was cancelled; nothing was written.</source>
        <translation>L’enregistrement en PDF a été annulé&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>PDF non enregistré</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>{path} n’a pas pu être écrit ({reason}).</translation>
    </message>
    <message>
        <source>Saving as PDF… page {done} of {total}</source>
        <translation>Enregistrement en PDF… page {done} sur {total}</translation>
    </message>
    <message>
        <source>the chapters changed on disk since they were listed</source>
        <translation>les chapitres ont changé sur le disque depuis leur lecture</translation>
    </message>
    <message>
        <source>Saving as PDF was stopped; nothing was written.</source>
        <translation>L’enregistrement en PDF a été interrompu&#xa0;; rien n’a été écrit.</translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation>L’impression a été annulée.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>Non imprimé</translation>
    </message>
    <message>
        <source>The printer refused the pages ({error}).</source>
        <translation>L’imprimante a refusé les pages ({error}).</translation>
    </message>
    <message>
        <source>Sent %n page(s) to print.</source>
        <translation>%n page(s) envoyée(s) à l’impression.</translation>
    </message>
    <message>
        <source>Preparing the pages of {title}…</source>
        <translation>Préparation des pages de {title}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Impression</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Notes</source>
        <translation>Notes</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>{name} (reading now)</source>
        <translation>{name} (lit en ce moment)</translation>
    </message>
    <message>
        <source>Field Reader</source>
        <translation>Field Reader</translation>
    </message>
    <message>
        <source>Who is reading?</source>
        <translation>Qui lit&#xa0;?</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Lecteurs</translation>
    </message>
    <message>
        <source>Each reader has their own notes, settings and places. Anyone using this computer&apos;s login can open any reader.</source>
        <translation>Chaque lecteur a ses propres notes, réglages et positions de lecture. Toute personne qui utilise la session de cet ordinateur peut ouvrir n’importe quel lecteur.</translation>
    </message>
    <message>
        <source>Add Reader…</source>
        <translation>Ajouter un lecteur…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ouvrir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Quitter</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Annuler</translation>
    </message>
    <message>
        <source>Add Reader</source>
        <translation>Ajouter un lecteur</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Added {name} ({folder}).</source>
        <translation>Lecteur ajouté&#xa0;: {name} ({folder}).</translation>
    </message>
    <message>
        <source>Renamed to {name}.</source>
        <translation>Nouveau nom&#xa0;: {name}.</translation>
    </message>
    <message>
        <source>(last used)</source>
        <translation>(dernier utilisé)</translation>
    </message>
    <message>
        <source>removing {name} deletes their notes and settings from this computer (a backup zip is kept). Add --yes to remove them.</source>
        <translation>supprimer {name} efface ses notes et ses réglages de cet ordinateur (une sauvegarde zip est conservée). Ajoutez --yes pour confirmer la suppression.</translation>
    </message>
    <message>
        <source>{name} is open in a Field Reader window: close it first.</source>
        <translation>Le lecteur {name} est ouvert dans une fenêtre de Field Reader&#xa0;: fermez-la d’abord.</translation>
    </message>
    <message>
        <source>Removed {name}; their files are kept in {backup}.</source>
        <translation>Lecteur {name} supprimé&#xa0;; ses fichiers sont conservés dans {backup}.</translation>
    </message>
    <message>
        <source>{path} could not be deleted.</source>
        <translation>{path} n’a pas pu être supprimé.</translation>
    </message>
    <message>
        <source>The backup of {name} could not be checked; nothing was removed.</source>
        <translation>La sauvegarde de {name} n’a pas pu être vérifiée&#xa0;; rien n’a été supprimé.</translation>
    </message>
    <message>
        <source>First reader</source>
        <translation>Premier lecteur</translation>
    </message>
    <message>
        <source>A reader needs a name: type one.</source>
        <translation>Un lecteur doit avoir un nom&#xa0;: tapez-en un.</translation>
    </message>
    <message>
        <source>That name has {count} characters; use at most {limit}.</source>
        <translation>Ce nom a {count}&#xa0;caractères&#xa0;; utilisez-en {limit} au plus.</translation>
    </message>
    <message>
        <source>A name cannot hold control or unassigned characters.</source>
        <translation>Un nom ne peut contenir ni caractères de contrôle ni caractères non attribués.</translation>
    </message>
    <message>
        <source>There is already a reader called {name}. Choose another name.</source>
        <translation>Il existe déjà un lecteur nommé {name}. Choisissez un autre nom.</translation>
    </message>
    <message>
        <source>The list of readers {path} cannot be read ({reason}); the readers found in their folders are shown instead.</source>
        <translation>La liste des lecteurs {path} ne peut pas être lue ({reason})&#xa0;; les lecteurs trouvés dans leurs dossiers sont affichés à la place.</translation>
    </message>
    <message>
        <source>The list of readers was damaged. It is kept as {kept}, and the list was made again from the readers&apos; folders: every reader&apos;s notes are still there, but names other than the first may need renaming.</source>
        <translation>La liste des lecteurs était endommagée. Elle est conservée sous le nom {kept}, et la liste a été refaite à partir des dossiers des lecteurs&#xa0;: les notes de chaque lecteur sont toujours là, mais les lecteurs autres que le premier devront peut-être être renommés.</translation>
    </message>
    <message>
        <source>There is no reader called {name}. The readers are: {names}. Add one with: field-reader profiles add NAME</source>
        <translation>Il n’y a pas de lecteur nommé {name}. Les lecteurs sont&#xa0;: {names}. Ajoutez-en un avec&#xa0;: field-reader profiles add NAME</translation>
    </message>
    <message>
        <source>The reader {name} no longer exists.</source>
        <translation>Le lecteur {name} n’existe plus.</translation>
    </message>
    <message>
        <source>{name} is the only reader, and the last one cannot be removed.</source>
        <translation>{name} est le seul lecteur, et le dernier ne peut pas être supprimé.</translation>
    </message>
</context>
<context>
    <name>ProfilesFeature</name>
    <message>
        <source>S&amp;witch Reader…</source>
        <translation>&amp;Changer de lecteur…</translation>
    </message>
    <message>
        <source>Choose who is reading</source>
        <translation>Choisir qui lit</translation>
    </message>
    <message>
        <source>Manage &amp;Readers…</source>
        <translation>Gérer les &amp;lecteurs…</translation>
    </message>
    <message>
        <source>Add, rename or remove the readers of this computer</source>
        <translation>Ajouter, renommer ou supprimer les lecteurs de cet ordinateur</translation>
    </message>
    <message>
        <source>Reader: {name}</source>
        <translation>Lecteur&#xa0;: {name}</translation>
    </message>
</context>
<context>
    <name>ReadingSettings</name>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Clair</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>S&amp;épia</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Sombre</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>Suivre le s&amp;ystème</translation>
    </message>
    <message>
        <source>&amp;Serif</source>
        <translation>&amp;Sérif</translation>
    </message>
    <message>
        <source>S&amp;ans</source>
        <translation>S&amp;ans sérif</translation>
    </message>
    <message>
        <source>&amp;Compact</source>
        <translation>&amp;Serré</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <source>&amp;Relaxed</source>
        <translation>&amp;Aéré</translation>
    </message>
    <message>
        <source>light</source>
        <translation>clair</translation>
    </message>
    <message>
        <source>sepia</source>
        <translation>sépia</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>sombre</translation>
    </message>
    <message>
        <source>Next &amp;Theme</source>
        <translation>Thème &amp;suivant</translation>
    </message>
    <message>
        <source>Switch to the next theme: light, sepia, dark</source>
        <translation>Passer au thème suivant&#xa0;: clair, sépia, sombre</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Thème</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;hème</translation>
    </message>
    <message>
        <source>Text &amp;Face</source>
        <translation>&amp;Police du texte</translation>
    </message>
    <message>
        <source>Line S&amp;pacing</source>
        <translation>&amp;Interligne</translation>
    </message>
    <message>
        <source>Theme: {theme} (following the system). Next theme: light, sepia, dark ({keys})</source>
        <translation>Thème&#xa0;: {theme} (suit le système). Thème suivant&#xa0;: clair, sépia, sombre ({keys})</translation>
    </message>
    <message>
        <source>Theme: {theme}. Next theme: light, sepia, dark ({keys})</source>
        <translation>Thème&#xa0;: {theme}. Thème suivant&#xa0;: clair, sépia, sombre ({keys})</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>Search</source>
        <translation>Recherche</translation>
    </message>
    <message>
        <source>&amp;Search All Chapters…</source>
        <translation>&amp;Rechercher dans tous les chapitres…</translation>
    </message>
    <message>
        <source>Search every chapter and your notes</source>
        <translation>Rechercher dans tous les chapitres et dans vos notes</translation>
    </message>
    <message>
        <source>&amp;Find in Chapter…</source>
        <translation>&amp;Chercher dans le chapitre…</translation>
    </message>
    <message>
        <source>Find words in this chapter</source>
        <translation>Chercher des mots dans ce chapitre</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Occurrence &amp;suivante</translation>
    </message>
    <message>
        <source>The next match in this chapter</source>
        <translation>L’occurrence suivante dans ce chapitre</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Occurrence &amp;précédente</translation>
    </message>
    <message>
        <source>The previous match in this chapter</source>
        <translation>L’occurrence précédente dans ce chapitre</translation>
    </message>
    <message>
        <source>Still indexing: results from {done} of {total} chapters.</source>
        <translation>Indexation en cours&#xa0;: résultats de {done} chapitres sur {total}.</translation>
    </message>
    <message>
        <source>Indexing chapters: {done} of {total}</source>
        <translation>Indexation des chapitres&#xa0;: {done} sur {total}</translation>
    </message>
    <message>
        <source>That chapter is no longer in the library.</source>
        <translation>Ce chapitre n’est plus dans la bibliothèque.</translation>
    </message>
    <message>
        <source>Notes could not be indexed: {error}</source>
        <translation>Les notes n’ont pas pu être indexées&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Indexing stopped early: some chapters may be missing.</source>
        <translation>Indexation arrêtée avant la fin&#xa0;: des chapitres peuvent manquer.</translation>
    </message>
    <message>
        <source>Search could not index the chapters: {message}</source>
        <translation>La recherche n’a pas pu indexer les chapitres&#xa0;: {message}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>NOTE</source>
        <translation>NOTE</translation>
    </message>
    <message>
        <source>Search chapters and notes</source>
        <translation>Rechercher dans les chapitres et les notes</translation>
    </message>
    <message>
        <source>Type words; Up and Down choose a result, Enter opens it; Ctrl+3 goes to the results</source>
        <translation>Tapez des mots&#xa0;; Haut et Bas choisissent un résultat, Entrée l’ouvre&#xa0;; Ctrl+3 va aux résultats</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Résultats de recherche</translation>
    </message>
    <message>
        <source>Up and Down choose a result; Enter opens it</source>
        <translation>Haut et Bas choisissent un résultat&#xa0;; Entrée l’ouvre</translation>
    </message>
    <message>
        <source>Note in {where}: {snippet}</source>
        <translation>Note dans {where}&#xa0;: {snippet}</translation>
    </message>
    <message>
        <source>{where}: {snippet}</source>
        <translation>{where}&#xa0;: {snippet}</translation>
    </message>
    <message>
        <source>Result {number} of {total}</source>
        <translation>Résultat {number} sur {total}</translation>
    </message>
    <message>
        <source>No results.</source>
        <translation>Aucun résultat.</translation>
    </message>
    <message>
        <source>%n result(s).</source>
        <translation>%n résultat(s).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Ouvrir</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>&amp;Copier le texte</translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <source>Window</source>
        <translation>Fenêtre</translation>
    </message>
    <message>
        <source>Key of {where}</source>
        <translation>Touche de {where}</translation>
    </message>
    <message>
        <source>Window key</source>
        <translation>Touche de la fenêtre</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts — Field Reader</source>
        <translation>Raccourcis clavier — Field Reader</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Every command of Field Reader that has keys, by menu</source>
        <translation>Toutes les commandes de Field Reader qui ont des touches, par menu</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrer les raccourcis</translation>
    </message>
    <message>
        <source>Type words to keep only the commands or keys that contain them</source>
        <translation>Tapez des mots pour ne garder que les commandes ou les touches qui les contiennent</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Commande</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Touches</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Raccourcis clavier</translation>
    </message>
    <message>
        <source>Commands grouped by menu, each with its keys</source>
        <translation>Commandes groupées par menu, chacune avec ses touches</translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation>Aucun raccourci correspondant</translation>
    </message>
    <message>
        <source>No command or key matches “{text}”.</source>
        <translation>Aucune commande ni touche ne correspond à «&#xa0;{text}&#xa0;».</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>There is no chapter {slug} in this library.</source>
        <translation>Il n’y a pas de chapitre {slug} dans cette bibliothèque.</translation>
    </message>
</context>
<context>
    <name>StorageErrors</name>
    <message>
        <source>Your notes are shown read-only because the folder {folder} cannot be written to; changes cannot be saved. They can still be read, searched and exported.</source>
        <translation>Vos notes sont affichées en lecture seule car le dossier {folder} n’est pas accessible en écriture&#xa0;; les modifications ne peuvent pas être enregistrées. Elles peuvent toujours être lues, recherchées et exportées.</translation>
    </message>
    <message>
        <source>The disk holding the notes database {path} is full, so your notes are shown read-only; changes cannot be saved until some space is freed. Nothing was lost.</source>
        <translation>Le disque qui contient la base de notes {path} est plein, vos notes sont donc affichées en lecture seule&#xa0;; les modifications ne pourront être enregistrées qu’une fois de la place libérée. Rien n’a été perdu.</translation>
    </message>
    <message>
        <source>The disk holding the notes database {path} is full. Your last change was not saved; your earlier notes are safe. Free some space and try again.</source>
        <translation>Le disque qui contient la base de notes {path} est plein. Votre dernière modification n’a pas été enregistrée&#xa0;; vos notes précédentes sont en sécurité. Libérez de la place et réessayez.</translation>
    </message>
    <message>
        <source>Your last change was not saved. </source>
        <translation>Votre dernière modification n’a pas été enregistrée. </translation>
    </message>
    <message>
        <source>The notes database {path} is in use by another program (perhaps another Field Reader window) and stayed locked for too long. {unsaved}Close the other program and try again.</source>
        <translation>La base de notes {path} est utilisée par un autre programme (peut-être une autre fenêtre de Field Reader) et est restée verrouillée trop longtemps. {unsaved}Fermez l’autre programme et réessayez.</translation>
    </message>
    <message>
        <source>The notes database {path} cannot be written to: the file or its folder is read-only. Your last change was not saved. Check the permissions of the file and its folder, or move it to a writable place.</source>
        <translation>La base de notes {path} n’est pas accessible en écriture&#xa0;: le fichier ou son dossier est en lecture seule. Votre dernière modification n’a pas été enregistrée. Vérifiez les droits du fichier et de son dossier, ou déplacez-le dans un endroit accessible en écriture.</translation>
    </message>
    <message>
        <source>The notes database {path} is damaged or is not a database. It has been left exactly as it is. Field Reader recovers what it can when the window opens, or run &apos;field-reader recover&apos;: the damaged file is kept, renamed, beside the new one, and the newest backup fills the gaps.</source>
        <translation>La base de notes {path} est endommagée ou n’est pas une base de données. Elle a été laissée exactement telle quelle. Field Reader récupère ce qu’il peut à l’ouverture de la fenêtre, ou lancez «&#xa0;field-reader recover&#xa0;»&#xa0;: le fichier endommagé est gardé, renommé, à côté du nouveau, et la sauvegarde la plus récente comble les manques.</translation>
    </message>
    <message>
        <source>The file {path} is a database, but not a Field Reader notes database. It has not been changed. Move it away or choose another location for your notes.</source>
        <translation>Le fichier {path} est une base de données, mais pas une base de notes de Field Reader. Il n’a pas été modifié. Déplacez-le ou choisissez un autre emplacement pour vos notes.</translation>
    </message>
    <message>
        <source>The notes database {path} could not be opened. Check that its folder exists, that you may write to it, and that the disk is connected.</source>
        <translation>La base de notes {path} n’a pas pu être ouverte. Vérifiez que son dossier existe, que vous pouvez y écrire et que le disque est branché.</translation>
    </message>
    <message>
        <source>Your last change may not have been saved. </source>
        <translation>Votre dernière modification n’a peut-être pas été enregistrée. </translation>
    </message>
    <message>
        <source>The disk reported an error while reading or writing the notes database {path}. {unsaved}Check the disk and try again.</source>
        <translation>Le disque a signalé une erreur en lisant ou en écrivant la base de notes {path}. {unsaved}Vérifiez le disque et réessayez.</translation>
    </message>
</context>
<context>
    <name>SyncFolder</name>
    <message>
        <source>The sync folder {folder} is not available.</source>
        <translation>Le dossier de synchronisation {folder} n’est pas disponible.</translation>
    </message>
    <message>
        <source>Notes were not synced: {error}</source>
        <translation>Les notes n’ont pas été synchronisées&#xa0;: {error}</translation>
    </message>
    <message>
        <source>Syncing notes</source>
        <translation>Synchronisation des notes</translation>
    </message>
    <message>
        <source>Some notes were not synced</source>
        <translation>Des notes n’ont pas été synchronisées</translation>
    </message>
    <message>
        <source>These files in the sync folder were left out; nothing was imported from them:</source>
        <translation>Ces fichiers du dossier de synchronisation ont été laissés de côté&#xa0;; rien n’en a été importé&#xa0;:</translation>
    </message>
    <message>
        <source>Notes synced (%n change(s) from other computers).</source>
        <translation>Notes synchronisées (%n modification(s) venue(s) d’autres ordinateurs).</translation>
    </message>
    <message>
        <source>Writing notes to the sync folder</source>
        <translation>Écriture des notes dans le dossier de synchronisation</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>The disk reported a problem: {reason}{where}.</source>
        <translation>Le disque a signalé un problème&#xa0;: {reason}{where}.</translation>
    </message>
    <message>
        <source>Field Reader hit an internal error ({kind}: {error}); nothing was half-saved: each change is written whole or not at all.</source>
        <translation>Field Reader a rencontré une erreur interne ({kind}&#xa0;: {error})&#xa0;; rien n’a été enregistré à moitié&#xa0;: chaque modification est écrite entièrement ou pas du tout.</translation>
    </message>
    <message>
        <source>{label} failed</source>
        <translation>{label}&#xa0;: échec</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>Figure not available in this copy of the course.</source>
        <translation>Figure absente de cette copie du cours.</translation>
    </message>
    <message>
        <source>A picture on the web: Field Reader works offline.</source>
        <translation>Une image sur le web&#xa0;: Field Reader fonctionne hors ligne.</translation>
    </message>
    <message>
        <source>Not shown: its path points outside the library.</source>
        <translation>Non affichée&#xa0;: son chemin mène hors de la bibliothèque.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Fichier</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>&amp;Bibliothèque</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Affichage</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>A&amp;ller</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notes</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Recherche</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ai&amp;de</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lecture</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Quitter</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>Afficher le panneau &amp;latéral</translation>
    </message>
    <message>
        <source>Show or hide the sidebar</source>
        <translation>Afficher ou masquer le panneau latéral</translation>
    </message>
    <message>
        <source>Go to &amp;Contents</source>
        <translation>Aller au so&amp;mmaire</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the Contents</source>
        <translation>Placer le focus du clavier sur le sommaire</translation>
    </message>
    <message>
        <source>Go to &amp;Text</source>
        <translation>Aller au te&amp;xte</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the chapter text</source>
        <translation>Placer le focus du clavier sur le texte du chapitre</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>&amp;Agrandir le texte</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Agrandir le texte</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>Ré&amp;duire le texte</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Réduire le texte</translation>
    </message>
    <message>
        <source>&amp;Previous Chapter</source>
        <translation>Chapitre &amp;précédent</translation>
    </message>
    <message>
        <source>Open the previous chapter</source>
        <translation>Ouvrir le chapitre précédent</translation>
    </message>
    <message>
        <source>&amp;Next Chapter</source>
        <translation>Chapitre s&amp;uivant</translation>
    </message>
    <message>
        <source>Open the next chapter</source>
        <translation>Ouvrir le chapitre suivant</translation>
    </message>
    <message>
        <source>Library &amp;Problems</source>
        <translation>&amp;Problèmes de la bibliothèque</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Panneau</translation>
    </message>
</context>
</TS>
