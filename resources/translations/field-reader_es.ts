<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AboutWindow</name>
    <message>
        <source>Field Reader never uses the network: chapters, pictures, notes and search all stay on this computer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The licence file ({name}) is missing from this copy.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version, licence and the folder holding your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field Reader version {version}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An offline reader for course chapters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Licence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{version} on {system}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Network use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show the folder holding your notes, settings and backups in the file manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The folder {folder} does not exist yet: it is made when you first highlight, change a setting or export.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No file manager could be started. The folder is {folder} (select the path above to copy it).</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationsFeature</name>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes could not be read from {path} ({message}). The file is left as it is; the chapters can still be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your change was not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This highlight was deleted elsewhere since; undo skipped so the newer version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This highlight was deleted elsewhere since; redo skipped so the newer version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere since; undo skipped so the newer version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere since; redo skipped so the newer version is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes cannot be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark deleted. Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight deleted. Ctrl+Z brings it back.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That chapter is not in this library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This note&apos;s passage was not found in the current text of the chapter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Bookmarks</name>
    <message>
        <source>Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Toggle &amp;Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmark the paragraph at the top of the page, or remove its bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes cannot be changed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no text here to bookmark.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarked. Ctrl+D again removes it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Caret</name>
    <message>
        <source>Select text first: drag, or press F7 and use Shift+arrows</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ChapterWatch</name>
    <message>
        <source>{path} can no longer be read ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} changed on disk and is shown as it now reads.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{message} The version shown is kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CodeBlocks</name>
    <message>
        <source>Copy Code &amp;Block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the whole code block, line by line, as written</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Yellow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Green</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Blue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pink</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Purple</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentsFilter</name>
    <message>
        <source>Filter chapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only the chapters whose titles (or their modules&apos;) hold this text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No chapter title holds “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContentsPanel</name>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Collapse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Title</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <source>Your notes cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>This chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>Markdown study notes (*.md)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web page, printable (*.html)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Web Annotation JSON, to import elsewhere (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes of:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync Folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field Reader merges the notes exported to this folder by other computers when it starts and when its window comes back to the front, and keeps this computer&apos;s notes there after every change. Use a shared drive or a USB stick.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stop Syncing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No sync folder is set.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the Sync Folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeFeature</name>
    <message>
        <source>&amp;Export Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save your highlights and notes as study notes or JSON</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import Notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge highlights and notes exported on another computer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync &amp;Folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Share notes with other computers through a folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes exported to {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes cannot be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting notes to {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes exports (*.json);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes cannot be changed now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} was not imported; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported {name}:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ExchangeTasks</name>
    <message>
        <source>Syncing… {done} of {total} files</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Exported</name>
    <message>
        <source>created {day}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · edited {day}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter: next match; Shift+Enter: previous; Ctrl+H highlights the match; Esc closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Match case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matches</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n match(es)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpFeature</name>
    <message>
        <source>&amp;Using Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the guide to Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>List every key of Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Version, licence and data folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Using Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide could not be read from `{path}`: {reason}.

This copy of Field Reader is incomplete; reinstalling it brings the guide back. Your notes are not affected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The guide to Field Reader; Tab moves between its links</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{title} — Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A guide to reading, highlighting and keeping notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HighlightMenus</name>
    <message>
        <source>Change &amp;Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy &amp;Quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Bookmark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight “{quote}”</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HighlightPainter</name>
    <message>
        <source>Highlighted, {colour}; note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlighted, {colour}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Images</name>
    <message>
        <source>Image too large to show.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image file could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>added: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>updated: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>deleted: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unchanged: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>orphaned: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>kept for chapters not in this library: {count}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 date in the future was set to now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{count} dates in the future were set to now</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link to a web page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link leads to a web page outside Field Reader. Field Reader works offline and never opens web pages by itself.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The chapter. F7 turns on the caret for selecting with the keyboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents, Notes and Search; Ctrl+1, 2 and 3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidebar tabs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter and section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position in the chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n problem(s) found in the library: see Help &gt; Library problems.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caret &amp;Browsing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move through the text with a caret; Shift+arrows select it for highlighting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Search Results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading toolbar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter changed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{error} It cannot be shown now; your notes on it are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link does not lead anywhere Field Reader can open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caret browsing on: arrows move the caret, Shift+arrows select, Ctrl+H highlights.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Caret browsing off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search is not ready yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;No chapters to show&lt;/h2&gt;&lt;p&gt;Field Reader found no readable chapter in &lt;code&gt;{folder}&lt;/code&gt;. Every &lt;code&gt;.md&lt;/code&gt; file in the folder and its subfolders is a chapter.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Problems found:&lt;/p&gt;&lt;ul&gt;{problems}&lt;/ul&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every chapter file opened without a problem.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some files of the library could not be opened; the others are shown.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to where you were before the last jump</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Forward again, after going back</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That place is no longer in the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <source>was: </source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write your note (plain text)…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. Notes are kept as plain text.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NoteListing</name>
    <message>
        <source>Listing notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesMenu</name>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selected text in the last colour used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selected text in a colour of your choice (then 1 to 5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight with &amp;Note…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight the selected text and write a note on it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Notes Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Not found in the current text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapters not in this library</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapters changed since Field Reader started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight, {colour}, in {place}: {quote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Highlight in {place}: {quote}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show notes of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All colours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour filter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chapter&apos;s notes, or every chapter&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show only highlights of one colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show notes of: choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour filter: choices</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your highlights by chapter and section. Enter shows one in the text; the Menu key or Shift+F10 offers Edit Note, Change Colour, Copy Quote and Delete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes shown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chapter: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Section: {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was: “{earlier}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This passage is not in the chapter&apos;s current text. The highlight is kept, and Field Reader looks for it again every time the chapter opens.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This chapter&apos;s file changed after Field Reader started. The highlight is kept; start Field Reader again to see it in the new text.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not found in the current text. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its chapter is not in this library. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Its chapter changed since Field Reader started. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changed {when}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No highlights yet. Select text in the chapter and press Ctrl+H (or right-click) to highlight it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No notes match the filter.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>NotesPanelLink</name>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Show in Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Pack</name>
    <message>
        <source>{path} does not exist. Check the name, or plug the drive in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} is not a folder of chapters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} holds no chapters: a course pack is a folder of Markdown (.md) files.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>Web picture: {label}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PrintFeature</name>
    <message>
        <source>Not printed (highlights only)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As footnotes, at the end of each chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In an appendix, at the end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;This chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;All chapters</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print this chapter or all chapters, with your highlights and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this chapter or all chapters as a PDF, with your highlights and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your notes cannot be read. {message}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The chapters changed on disk since they were listed. Reopen the library and print again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving as PDF was cancelled; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving as PDF… page {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the chapters changed on disk since they were listed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving as PDF was stopped; nothing was written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The printer refused the pages ({error}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent %n page(s) to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the pages of {title}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Printing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReadingSettings</name>
    <message>
        <source>&amp;Light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Serif</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ans</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Compact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Relaxed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>light</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sepia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next &amp;Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Switch to the next theme: light, sepia, dark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text &amp;Face</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line S&amp;pacing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: {theme} (following the system). Next theme: light, sepia, dark ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Theme: {theme}. Next theme: light, sepia, dark ({keys})</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search All Chapters…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search every chapter and your notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find in Chapter…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find words in this chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next match in this chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The previous match in this chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Still indexing: more may follow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That chapter is no longer in the library.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes could not be indexed: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing chapters… {done} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Indexing stopped early: some chapters may be missing.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search could not index the chapters: {message}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>NOTE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search chapters and notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words; Up and Down choose a result, Enter opens it; Ctrl+3 goes to the results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search results</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Up and Down choose a result; Enter opens it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note in {where}: {snippet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{where}: {snippet}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result {number} of {total}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No results.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%n result(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <source>Window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key of {where}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Window key</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts — Field Reader</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every command of Field Reader that has keys, by menu</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type words to keep only the commands or keys that contain them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Command</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Commands grouped by menu, each with its keys</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No command or key matches “{text}”.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>There is no chapter {slug} in this library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StorageErrors</name>
    <message>
        <source>Your notes are shown read-only because the folder {folder} cannot be written to; changes cannot be saved. They can still be read, searched and exported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the notes database {path} is full, so your notes are shown read-only; changes cannot be saved until some space is freed. Nothing was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk holding the notes database {path} is full. Your last change was not saved; your earlier notes are safe. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last change was not saved. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes database {path} is in use by another program (perhaps another Field Reader window) and stayed locked for too long. {unsaved}Close the other program and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes database {path} cannot be written to: the file or its folder is read-only. Your last change was not saved. Check the permissions of the file and its folder, or move it to a writable place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes database {path} is damaged or is not a database. It has been left exactly as it is. Field Reader recovers what it can when the window opens, or run &apos;field-reader recover&apos;: the damaged file is kept, renamed, beside the new one, and the newest backup fills the gaps.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file {path} is a database, but not a Field Reader notes database. It has not been changed. Move it away or choose another location for your notes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The notes database {path} could not be opened. Check that its folder exists, that you may write to it, and that the disk is connected.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your last change may not have been saved. </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk reported an error while reading or writing the notes database {path}. {unsaved}Check the disk and try again.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncFolder</name>
    <message>
        <source>The sync folder {folder} is not available.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes were not synced: {error}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Syncing notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some notes were not synced</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>These files in the sync folder were left out; nothing was imported from them:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes synced (%n change(s) from other computers).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing notes to the sync folder</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>The disk reported a problem: {reason}{where}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field Reader hit an internal error ({kind}: {error}); nothing was half-saved: each change is written whole or not at all.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label} failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>Figure not available in this copy of the course.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A picture on the web: Field Reader works offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not shown: its path points outside the library.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide the sidebar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the Contents</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go to &amp;Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move the keyboard focus to the chapter text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Previous Chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the previous chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next Chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the next chapter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Library &amp;Problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
