<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_ES" sourcelanguage="en">
<context>
    <name>AboutWindow</name>
    <message>
        <source>Field Reader never uses the network: chapters, pictures, notes and search all stay on this computer.</source>
        <translation>Field Reader nunca usa la red: los capítulos, las imágenes, las notas y la búsqueda se quedan en este equipo.</translation>
    </message>
    <message>
        <source>The licence file ({name}) is missing from this copy.</source>
        <translation>Falta el archivo de licencia ({name}) en esta copia.</translation>
    </message>
    <message>
        <source>About Field Reader</source>
        <translation>Acerca de Field Reader</translation>
    </message>
    <message>
        <source>Version, licence and the folder holding your notes</source>
        <translation>Versión, licencia y la carpeta que guarda sus notas</translation>
    </message>
    <message>
        <source>Field Reader version {version}</source>
        <translation>Field Reader, versión {version}</translation>
    </message>
    <message>
        <source>An offline reader for course chapters.</source>
        <translation>Un lector sin conexión para capítulos de cursos.</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Descripción</translation>
    </message>
    <message>
        <source>Version:</source>
        <translation>Versión:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versión</translation>
    </message>
    <message>
        <source>Licence:</source>
        <translation>Licencia:</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Licencia</translation>
    </message>
    <message>
        <source>Qt version</source>
        <translation>Versión de Qt</translation>
    </message>
    <message>
        <source>{version} on {system}</source>
        <translation>{version} en {system}</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Carpeta de datos</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>Carpeta de datos:</translation>
    </message>
    <message>
        <source>Network use</source>
        <translation>Uso de la red</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Estado</translation>
    </message>
    <message>
        <source>Open Data Folder</source>
        <translation>Abrir la carpeta de datos</translation>
    </message>
    <message>
        <source>Show the folder holding your notes, settings and backups in the file manager</source>
        <translation>Mostrar en el gestor de archivos la carpeta que guarda sus notas, ajustes y copias de seguridad</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Cerrar</translation>
    </message>
    <message>
        <source>Close this window</source>
        <translation>Cerrar esta ventana</translation>
    </message>
    <message>
        <source>The folder {folder} does not exist yet: it is made when you first highlight, change a setting or export.</source>
        <translation>La carpeta {folder} aún no existe: se crea la primera vez que resalta, cambia un ajuste o exporta.</translation>
    </message>
    <message>
        <source>No file manager could be started. The folder is {folder} (select the path above to copy it).</source>
        <translation>No se pudo abrir ningún gestor de archivos. La carpeta es {folder} (seleccione la ruta de arriba para copiarla).</translation>
    </message>
</context>
<context>
    <name>AnnotationCommands</name>
    <message>
        <source>Highlight</source>
        <translation>resaltado</translation>
    </message>
    <message>
        <source>Delete Bookmark</source>
        <translation>eliminación del marcador</translation>
    </message>
    <message>
        <source>Delete Highlight</source>
        <translation>eliminación del resaltado</translation>
    </message>
    <message>
        <source>Change Colour</source>
        <translation>cambio de color</translation>
    </message>
    <message>
        <source>Edit Note</source>
        <translation>edición de la nota</translation>
    </message>
</context>
<context>
    <name>AnnotationsFeature</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Your notes could not be read from {path} ({message}). The file is left as it is; the chapters can still be read.</source>
        <translation>No se pudieron leer sus notas de {path} ({message}). El archivo se deja tal como está; los capítulos se pueden seguir leyendo.</translation>
    </message>
    <message>
        <source>Your change was not saved</source>
        <translation>No se guardó el cambio</translation>
    </message>
    <message>
        <source>This highlight was deleted elsewhere since; undo skipped so the newer version is kept.</source>
        <translation>Este resaltado se eliminó después en otro lugar; no se deshizo el cambio, para conservar la versión más reciente.</translation>
    </message>
    <message>
        <source>This highlight was deleted elsewhere since; redo skipped so the newer version is kept.</source>
        <translation>Este resaltado se eliminó después en otro lugar; no se rehízo el cambio, para conservar la versión más reciente.</translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere since; undo skipped so the newer version is kept.</source>
        <translation>Este resaltado se modificó después en otro lugar; no se deshizo el cambio, para conservar la versión más reciente.</translation>
    </message>
    <message>
        <source>This highlight was changed elsewhere since; redo skipped so the newer version is kept.</source>
        <translation>Este resaltado se modificó después en otro lugar; no se rehízo el cambio, para conservar la versión más reciente.</translation>
    </message>
    <message>
        <source>Notes cannot be changed.</source>
        <translation>Las notas no se pueden modificar.</translation>
    </message>
    <message>
        <source>Bookmark deleted. Ctrl+Z brings it back.</source>
        <translation>Marcador eliminado. Ctrl+Z lo recupera.</translation>
    </message>
    <message>
        <source>Highlight deleted. Ctrl+Z brings it back.</source>
        <translation>Resaltado eliminado. Ctrl+Z lo recupera.</translation>
    </message>
    <message>
        <source>That chapter is not in this library.</source>
        <translation>Ese capítulo no está en esta biblioteca.</translation>
    </message>
    <message>
        <source>This note&apos;s passage was not found in the current text of the chapter.</source>
        <translation>El pasaje de esta nota no se encuentra en el texto actual del capítulo.</translation>
    </message>
</context>
<context>
    <name>Bookmarks</name>
    <message>
        <source>Bookmark</source>
        <translation>Marcador</translation>
    </message>
    <message>
        <source>Toggle &amp;Bookmark</source>
        <translation>Poner o quitar &amp;marcador</translation>
    </message>
    <message>
        <source>Bookmark the paragraph at the top of the page, or remove its bookmark</source>
        <translation>Poner un marcador en el párrafo de la parte superior de la página, o quitarlo</translation>
    </message>
    <message>
        <source>Notes cannot be changed now.</source>
        <translation>Ahora no se pueden modificar las notas.</translation>
    </message>
    <message>
        <source>There is no text here to bookmark.</source>
        <translation>Aquí no hay texto que marcar.</translation>
    </message>
    <message>
        <source>Bookmarked. Ctrl+D again removes it.</source>
        <translation>Marcador añadido. Ctrl+D otra vez lo quita.</translation>
    </message>
</context>
<context>
    <name>Caret</name>
    <message>
        <source>Select text first: drag, or press F7 and use Shift+arrows</source>
        <translation>Seleccione primero un texto: arrastre o pulse F7 y use Shift+flechas</translation>
    </message>
</context>
<context>
    <name>ChapterWatch</name>
    <message>
        <source>{path} can no longer be read ({reason}).</source>
        <translation>{path} ya no se puede leer ({reason}).</translation>
    </message>
    <message>
        <source>{path} changed on disk and is shown as it now reads.</source>
        <translation>{path} cambió en el disco y se muestra tal como está ahora.</translation>
    </message>
    <message>
        <source>{message} The version shown is kept.</source>
        <translation>{message} Se mantiene la versión mostrada.</translation>
    </message>
</context>
<context>
    <name>CodeBlocks</name>
    <message>
        <source>Copy Code &amp;Block</source>
        <translation>Copiar el &amp;bloque de código</translation>
    </message>
    <message>
        <source>Copy the whole code block, line by line, as written</source>
        <translation>Copiar todo el bloque de código, línea por línea, tal como está escrito</translation>
    </message>
</context>
<context>
    <name>Colours</name>
    <message>
        <source>Yellow</source>
        <translation>Amarillo</translation>
    </message>
    <message>
        <source>Green</source>
        <translation>Verde</translation>
    </message>
    <message>
        <source>Blue</source>
        <translation>Azul</translation>
    </message>
    <message>
        <source>Pink</source>
        <translation>Rosa</translation>
    </message>
    <message>
        <source>Purple</source>
        <translation>Morado</translation>
    </message>
</context>
<context>
    <name>Command line</name>
    <message>
        <source>using the notes of {name}, the last reader; choose another with --profile NAME.</source>
        <translation>se usan las notas de {name}, el último lector usado; elija otro con --profile NAME.</translation>
    </message>
</context>
<context>
    <name>ContentsFilter</name>
    <message>
        <source>Filter chapters</source>
        <translation>Filtrar capítulos</translation>
    </message>
    <message>
        <source>Show only the chapters whose titles (or their modules&apos;) hold this text</source>
        <translation>Mostrar solo los capítulos cuyo título (o el de su módulo) contiene este texto</translation>
    </message>
    <message>
        <source>No chapter title holds “{text}”.</source>
        <translation>Ningún título de capítulo contiene «{text}».</translation>
    </message>
</context>
<context>
    <name>ContentsPanel</name>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Collapse</source>
        <translation>&amp;Contraer</translation>
    </message>
    <message>
        <source>&amp;Expand</source>
        <translation>&amp;Expandir</translation>
    </message>
    <message>
        <source>Copy &amp;Title</source>
        <translation>Copiar el &amp;título</translation>
    </message>
</context>
<context>
    <name>Context</name>
    <message>
        <source>Your notes cannot be read.</source>
        <translation>No se pueden leer sus notas.</translation>
    </message>
</context>
<context>
    <name>DialogParts</name>
    <message>
        <source>This chapter</source>
        <translation>Este capítulo</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
</context>
<context>
    <name>Discovery</name>
    <message>
        <source>build output, made from the sources</source>
        <translation>archivos generados a partir de las fuentes</translation>
    </message>
    <message>
        <source>installed JavaScript packages</source>
        <translation>paquetes de JavaScript instalados</translation>
    </message>
    <message>
        <source>Python&apos;s compiled files</source>
        <translation>los archivos compilados de Python</translation>
    </message>
    <message>
        <source>a Python virtual environment</source>
        <translation>un entorno virtual de Python</translation>
    </message>
    <message>
        <source>a website built from the chapters</source>
        <translation>un sitio web generado a partir de los capítulos</translation>
    </message>
    <message>
        <source>third-party code copied into the project</source>
        <translation>código de terceros copiado en el proyecto</translation>
    </message>
    <message>
        <source>The folder could not be read ({reason}); its chapters are missing.</source>
        <translation>No se pudo leer la carpeta ({reason}); faltan sus capítulos.</translation>
    </message>
    <message>
        <source>The file is a link to a place outside the library folder and was not read; copy the chapter into the library instead.</source>
        <translation>El archivo es un enlace a un lugar fuera de la carpeta de la biblioteca y no se leyó; copie el capítulo en la biblioteca.</translation>
    </message>
    <message>
        <source>The file is a link to something that does not exist.</source>
        <translation>El archivo es un enlace a algo que no existe.</translation>
    </message>
    <message>
        <source>The file could not be read ({reason}).</source>
        <translation>No se pudo leer el archivo ({reason}).</translation>
    </message>
    <message>
        <source>The folder is a link to a place outside the library folder and was not read; copy its chapters into the library instead.</source>
        <translation>La carpeta es un enlace a un lugar fuera de la carpeta de la biblioteca y no se leyó; copie sus capítulos en la biblioteca.</translation>
    </message>
    <message>
        <source>mdBook&apos;s built book, made from the chapters</source>
        <translation>el libro que mdBook genera a partir de los capítulos</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: it is hidden (its name starts with a dot).</source>
        <translation>Se omitió la carpeta {path}/: está oculta (su nombre empieza por un punto).</translation>
    </message>
    <message>
        <source>The file {path} was skipped: it is hidden (its name starts with a dot).</source>
        <translation>Se omitió el archivo {path}: está oculto (su nombre empieza por un punto).</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: it is more than {depth} folder levels deep.</source>
        <translation>Se omitió la carpeta {path}/: está a más de {depth} niveles de carpetas de profundidad.</translation>
    </message>
    <message>
        <source>The file {path} was skipped: it is not a regular file.</source>
        <translation>Se omitió el archivo {path}: no es un archivo normal.</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: it is a link to a folder that is already read as part of the library.</source>
        <translation>Se omitió la carpeta {path}/: es un enlace a una carpeta que ya se lee como parte de la biblioteca.</translation>
    </message>
    <message>
        <source>The folder {path}/ was skipped: {reason}.</source>
        <translation>Se omitió la carpeta {path}/: contiene {reason}.</translation>
    </message>
    <message>
        <source>Reading stopped here: the library holds more than {count} files and folders. Open a smaller folder as the library.</source>
        <translation>La lectura se detuvo aquí: la biblioteca contiene más de {count} archivos y carpetas. Abra una carpeta más pequeña como biblioteca.</translation>
    </message>
    <message>
        <source>Reading stopped here: the library holds more than {count} chapter files. Open a smaller folder as the library.</source>
        <translation>La lectura se detuvo aquí: la biblioteca contiene más de {count} archivos de capítulos. Abra una carpeta más pequeña como biblioteca.</translation>
    </message>
    <message>
        <source>The file is a link stored in the zip and was not read; put the chapter itself in the pack instead.</source>
        <translation>El archivo es un enlace guardado en el zip y no se leyó; ponga el propio capítulo en el paquete.</translation>
    </message>
</context>
<context>
    <name>ExchangeDialogs</name>
    <message>
        <source>Markdown study notes (*.md)</source>
        <translation>Notas de estudio Markdown (*.md)</translation>
    </message>
    <message>
        <source>Web page, printable (*.html)</source>
        <translation>Página web imprimible (*.html)</translation>
    </message>
    <message>
        <source>Web Annotation JSON, to import elsewhere (*.json)</source>
        <translation>JSON Web Annotation, para importar en otro lugar (*.json)</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Exportar notas</translation>
    </message>
    <message>
        <source>&amp;Format:</source>
        <translation>&amp;Formato:</translation>
    </message>
    <message>
        <source>Notes of:</source>
        <translation>Notas de:</translation>
    </message>
    <message>
        <source>Sync Folder</source>
        <translation>Carpeta de sincronización</translation>
    </message>
    <message>
        <source>Field Reader merges the notes exported to this folder by other computers when it starts and when its window comes back to the front, and keeps this computer&apos;s notes there after every change. Use a shared drive or a USB stick.</source>
        <translation>Field Reader combina las notas que otros equipos exportan a esta carpeta al iniciarse y cada vez que su ventana vuelve al primer plano, y guarda allí las notas de este equipo después de cada cambio. Use una unidad compartida o una memoria USB.</translation>
    </message>
    <message>
        <source>&amp;Choose…</source>
        <translation>&amp;Elegir…</translation>
    </message>
    <message>
        <source>&amp;Stop Syncing</source>
        <translation>&amp;Dejar de sincronizar</translation>
    </message>
    <message>
        <source>Sync &amp;Now</source>
        <translation>Sincronizar &amp;ahora</translation>
    </message>
    <message>
        <source>Folder: {folder}</source>
        <translation>Carpeta: {folder}</translation>
    </message>
    <message>
        <source>No sync folder is set.</source>
        <translation>No hay ninguna carpeta de sincronización.</translation>
    </message>
    <message>
        <source>Choose the Sync Folder</source>
        <translation>Elegir la carpeta de sincronización</translation>
    </message>
</context>
<context>
    <name>ExchangeFeature</name>
    <message>
        <source>&amp;Export Notes…</source>
        <translation>&amp;Exportar notas…</translation>
    </message>
    <message>
        <source>Save your highlights and notes as study notes or JSON</source>
        <translation>Guardar sus resaltados y notas como notas de estudio o en JSON</translation>
    </message>
    <message>
        <source>&amp;Import Notes…</source>
        <translation>&amp;Importar notas…</translation>
    </message>
    <message>
        <source>Merge highlights and notes exported on another computer</source>
        <translation>Combinar los resaltados y las notas exportados en otro equipo</translation>
    </message>
    <message>
        <source>Sync &amp;Folder…</source>
        <translation>Carpeta de si&amp;ncronización…</translation>
    </message>
    <message>
        <source>Share notes with other computers through a folder</source>
        <translation>Compartir las notas con otros equipos a través de una carpeta</translation>
    </message>
    <message>
        <source>Export Notes</source>
        <translation>Exportar notas</translation>
    </message>
    <message>
        <source>Notes exported to {path}.</source>
        <translation>Notas exportadas a {path}.</translation>
    </message>
    <message>
        <source>Notes not exported</source>
        <translation>No se exportaron las notas</translation>
    </message>
    <message>
        <source>Your notes cannot be read.</source>
        <translation>No se pueden leer sus notas.</translation>
    </message>
    <message>
        <source>Exporting notes to {name}…</source>
        <translation>Exportando las notas a {name}…</translation>
    </message>
    <message>
        <source>Exporting notes</source>
        <translation>Exportación de notas</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>No se pudo escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>Import Notes</source>
        <translation>Importar notas</translation>
    </message>
    <message>
        <source>Notes exports (*.json);;All files (*)</source>
        <translation>Notas exportadas (*.json);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Notes not imported</source>
        <translation>No se importaron las notas</translation>
    </message>
    <message>
        <source>Your notes cannot be changed now.</source>
        <translation>Ahora no se pueden modificar sus notas.</translation>
    </message>
    <message>
        <source>Importing {name}…</source>
        <translation>Importando {name}…</translation>
    </message>
    <message>
        <source>Importing notes</source>
        <translation>Importación de notas</translation>
    </message>
    <message>
        <source>{name} was not imported; nothing was changed.</source>
        <translation>No se importó {name}; no se cambió nada.</translation>
    </message>
    <message>
        <source>Notes imported</source>
        <translation>Notas importadas</translation>
    </message>
    <message>
        <source>Imported {name}:</source>
        <translation>Se importó {name}:</translation>
    </message>
</context>
<context>
    <name>ExchangeTasks</name>
    <message>
        <source>Syncing… {done} of {total} files</source>
        <translation>Sincronizando… {done} de {total} archivos</translation>
    </message>
</context>
<context>
    <name>Export</name>
    <message>
        <source>--all-libraries exports whole libraries: leave out --chapter.</source>
        <translation>--all-libraries exporta bibliotecas completas: quite --chapter.</translation>
    </message>
    <message>
        <source>--all-libraries writes JSON only (study notes are made per library): use --format json or a .json file.</source>
        <translation>--all-libraries solo escribe JSON (las notas de estudio se hacen por biblioteca): use --format json o un archivo .json.</translation>
    </message>
</context>
<context>
    <name>Exported</name>
    <message>
        <source>created {day}</source>
        <translation>creación: {day}</translation>
    </message>
    <message>
        <source> · edited {day}</source>
        <translation> · edición: {day}</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <source>Find in chapter</source>
        <translation>Buscar en el capítulo</translation>
    </message>
    <message>
        <source>Enter: next match; Shift+Enter: previous; Ctrl+H highlights the match; Esc closes</source>
        <translation>Enter: coincidencia siguiente; Shift+Enter: anterior; Ctrl+H resalta la coincidencia; Esc cierra</translation>
    </message>
    <message>
        <source>Match case</source>
        <translation>Distinguir mayúsculas</translation>
    </message>
    <message>
        <source>Previous match (Shift+Enter, Shift+F3)</source>
        <translation>Coincidencia anterior (Shift+Enter, Shift+F3)</translation>
    </message>
    <message>
        <source>Next match (Enter, F3)</source>
        <translation>Coincidencia siguiente (Enter, F3)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Cerrar (Esc)</translation>
    </message>
    <message>
        <source>Close the find bar</source>
        <translation>Cerrar la barra de búsqueda</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Sin coincidencias</translation>
    </message>
    <message>
        <source>%n match(es)</source>
        <translation>%n coincidencia(s)</translation>
    </message>
    <message>
        <source>{current} of {total}</source>
        <translation>{current} de {total}</translation>
    </message>
</context>
<context>
    <name>HelpFeature</name>
    <message>
        <source>&amp;Using Field Reader</source>
        <translation>&amp;Cómo usar Field Reader</translation>
    </message>
    <message>
        <source>Open the guide to Field Reader</source>
        <translation>Abrir la guía de Field Reader</translation>
    </message>
    <message>
        <source>&amp;Keyboard Shortcuts</source>
        <translation>&amp;Atajos de teclado</translation>
    </message>
    <message>
        <source>List every key of Field Reader</source>
        <translation>Mostrar todas las teclas de Field Reader</translation>
    </message>
    <message>
        <source>&amp;About Field Reader</source>
        <translation>Acerca &amp;de Field Reader</translation>
    </message>
    <message>
        <source>Version, licence and data folder</source>
        <translation>Versión, licencia y carpeta de datos</translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Using Field Reader</source>
        <translation>Cómo usar Field Reader</translation>
    </message>
    <message>
        <source>The guide could not be read from `{path}`: {reason}.

This copy of Field Reader is incomplete; reinstalling it brings the guide back. Your notes are not affected.</source>
        <translation>No se pudo leer la guía de `{path}`: {reason}.

Esta copia de Field Reader está incompleta; si la vuelve a instalar, recuperará la guía. Sus notas no se ven afectadas.</translation>
    </message>
    <message>
        <source>The guide to Field Reader; Tab moves between its links</source>
        <translation>La guía de Field Reader; Tab pasa de un enlace a otro</translation>
    </message>
    <message>
        <source>{title} — Field Reader</source>
        <translation>{title} — Field Reader</translation>
    </message>
    <message>
        <source>A guide to reading, highlighting and keeping notes</source>
        <translation>Una guía para leer, resaltar y tomar notas</translation>
    </message>
</context>
<context>
    <name>HighlightMenus</name>
    <message>
        <source>Change &amp;Colour</source>
        <translation>Cambiar el &amp;color</translation>
    </message>
    <message>
        <source>Edit &amp;Note…</source>
        <translation>Editar &amp;nota…</translation>
    </message>
    <message>
        <source>Add &amp;Note…</source>
        <translation>Añadir &amp;nota…</translation>
    </message>
    <message>
        <source>Copy &amp;Quote</source>
        <translation>Copiar la c&amp;ita</translation>
    </message>
    <message>
        <source>&amp;Delete Bookmark</source>
        <translation>&amp;Eliminar el marcador</translation>
    </message>
    <message>
        <source>&amp;Delete Highlight</source>
        <translation>&amp;Eliminar el resaltado</translation>
    </message>
    <message>
        <source>Highlight “{quote}”</source>
        <translation>Resaltado «{quote}»</translation>
    </message>
</context>
<context>
    <name>HighlightPainter</name>
    <message>
        <source>Highlighted, {colour}; note: {note}</source>
        <translation>Resaltado en {colour}; nota: {note}</translation>
    </message>
    <message>
        <source>Highlighted, {colour}</source>
        <translation>Resaltado en {colour}</translation>
    </message>
</context>
<context>
    <name>Images</name>
    <message>
        <source>Image too large to show.</source>
        <translation>La imagen es demasiado grande para mostrarla.</translation>
    </message>
    <message>
        <source>The image file could not be read.</source>
        <translation>No se pudo leer el archivo de imagen.</translation>
    </message>
</context>
<context>
    <name>Importing</name>
    <message>
        <source>added: {count}</source>
        <translation>añadidos: {count}</translation>
    </message>
    <message>
        <source>updated: {count}</source>
        <translation>actualizados: {count}</translation>
    </message>
    <message>
        <source>deleted: {count}</source>
        <translation>eliminados: {count}</translation>
    </message>
    <message>
        <source>unchanged: {count}</source>
        <translation>sin cambios: {count}</translation>
    </message>
    <message>
        <source>orphaned: {count}</source>
        <translation>sin su pasaje en el texto: {count}</translation>
    </message>
    <message>
        <source>kept for chapters not in this library: {count}</source>
        <translation>conservados para capítulos que no están en esta biblioteca: {count}</translation>
    </message>
    <message>
        <source>for other libraries than this one: {count}</source>
        <translation>para otras bibliotecas distintas de esta: {count}</translation>
    </message>
    <message>
        <source>moved to another library: {count}</source>
        <translation>movidos a otra biblioteca: {count}</translation>
    </message>
    <message>
        <source>1 date in the future was set to now</source>
        <translation>1 fecha futura se cambió por la actual</translation>
    </message>
    <message>
        <source>{count} dates in the future were set to now</source>
        <translation>{count} fechas futuras se cambiaron por la actual</translation>
    </message>
</context>
<context>
    <name>LanguageMenu</name>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Idioma</translation>
    </message>
    <message>
        <source>&amp;System Language</source>
        <translation>Idioma del &amp;sistema</translation>
    </message>
</context>
<context>
    <name>Library</name>
    <message>
        <source>The library changed since it was last read.</source>
        <translation>La biblioteca cambió desde la última vez que se leyó.</translation>
    </message>
    <message>
        <source>Checking the library</source>
        <translation>Comprobación de la biblioteca</translation>
    </message>
    <message>
        <source>Reading the library: {done} of {total} chapters</source>
        <translation>Leyendo la biblioteca: {done} de {total} capítulos</translation>
    </message>
    <message>
        <source>The whole library could not be read: {reason}</source>
        <translation>No se pudo leer la biblioteca completa: {reason}</translation>
    </message>
    <message>
        <source>Reading the library</source>
        <translation>Lectura de la biblioteca</translation>
    </message>
    <message>
        <source>{summary} lists this chapter, but the file is not in the library folder (or is in a folder that was skipped).</source>
        <translation>{summary} incluye este capítulo, pero el archivo no está en la carpeta de la biblioteca (o está en una carpeta que se omitió).</translation>
    </message>
    <message>
        <source>The slug &quot;{slug}&quot; is already used by {path}; give this chapter its own slug in its front matter.</source>
        <translation>El slug «{slug}» ya lo usa {path}; dé a este capítulo su propio slug en su encabezado YAML.</translation>
    </message>
    <message>
        <source>The chapter has no title and no heading; it is listed as &quot;{title}&quot;. Start it with a `# Title` line (or add `title:` to its front matter).</source>
        <translation>El capítulo no tiene título ni encabezado; aparece como «{title}». Empiécelo con una línea `# Título` (o añada `title:` a su encabezado YAML).</translation>
    </message>
    <message>
        <source>The front matter is not valid YAML ({detail}).</source>
        <translation>El encabezado YAML no es YAML válido ({detail}).</translation>
    </message>
    <message>
        <source>The front matter cannot be read ({detail}).</source>
        <translation>No se puede leer el encabezado YAML ({detail}).</translation>
    </message>
    <message>
        <source>The front matter must be a set of `key: value` lines; it was ignored.</source>
        <translation>El encabezado YAML debe ser una serie de líneas `clave: valor`; se ignoró.</translation>
    </message>
    <message>
        <source>The library folder {path} does not exist.</source>
        <translation>La carpeta de la biblioteca {path} no existe.</translation>
    </message>
    <message>
        <source>The library folder {path} could not be read ({reason}).</source>
        <translation>No se pudo leer la carpeta de la biblioteca {path} ({reason}).</translation>
    </message>
    <message>
        <source>The file is the book&apos;s table of contents, not a chapter.</source>
        <translation>El archivo es el índice del libro, no un capítulo.</translation>
    </message>
    <message>
        <source>The file was skipped: it is not listed in {summary}.</source>
        <translation>Se omitió el archivo: no figura en {summary}.</translation>
    </message>
    <message>
        <source>The file is {size} MB; chapters larger than {limit} MB are not opened. Split it into several chapters (one file per section, say).</source>
        <translation>El archivo ocupa {size} MB; los capítulos de más de {limit} MB no se abren. Divídalo en varios capítulos (un archivo por sección, por ejemplo).</translation>
    </message>
    <message>
        <source>The file could not be read: {reason}.</source>
        <translation>No se pudo leer el archivo: {reason}.</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8 (byte {byte}); save it as UTF-8 text.</source>
        <translation>El archivo no es UTF-8 válido (byte {byte}); guárdelo como texto UTF-8.</translation>
    </message>
    <message>
        <source>{problem} The chapter is shown without it.</source>
        <translation>{problem} El capítulo se muestra sin él.</translation>
    </message>
    <message>
        <source>The slug &quot;{slug}&quot; may only use letters, digits, &quot;.&quot;, &quot;_&quot; and &quot;-&quot; and must start with a letter or digit; a slug made from the file&apos;s path is used instead.</source>
        <translation>El slug «{slug}» solo puede usar letras, cifras, «.», «_» y «-» y debe empezar por una letra o una cifra; en su lugar se usa un slug tomado de la ruta del archivo.</translation>
    </message>
    <message>
        <source>`order` must be a number, not {value}; it is ignored.</source>
        <translation>`order` debe ser un número, no {value}; se ignora.</translation>
    </message>
    <message>
        <source>`{key}` must be text, not a {type}; it is ignored.</source>
        <translation>`{key}` debe ser texto, no un {type}; se ignora.</translation>
    </message>
    <message>
        <source>it is not UTF-8 text</source>
        <translation>no es texto UTF-8</translation>
    </message>
    <message>
        <source>The book&apos;s table of contents could not be read ({reason}).</source>
        <translation>No se pudo leer el índice del libro ({reason}).</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; points to {target}, outside the book; it was left out.</source>
        <translation>«{title}» apunta a {target}, fuera del libro; se dejó fuera.</translation>
    </message>
    <message>
        <source>&quot;{title}&quot; is a draft chapter (no file yet).</source>
        <translation>«{title}» es un capítulo en borrador (aún sin archivo).</translation>
    </message>
    <message>
        <source>The file is listed twice in {summary}; it is read at its first place.</source>
        <translation>El archivo figura dos veces en {summary}; se lee en su primer lugar.</translation>
    </message>
</context>
<context>
    <name>LibraryList</name>
    <message>
        <source>The list of libraries opened before ({path}) cannot be read ({reason}); it starts empty.</source>
        <translation>No se puede leer la lista de bibliotecas abiertas antes ({path}) ({reason}); empieza vacía.</translation>
    </message>
    <message>
        <source>The list of libraries opened before ({path}) is damaged; it starts empty.</source>
        <translation>La lista de bibliotecas abiertas antes ({path}) está dañada; empieza vacía.</translation>
    </message>
    <message>
        <source>The list of libraries opened before ({path}) holds no list; it starts empty.</source>
        <translation>El archivo de la lista de bibliotecas abiertas antes ({path}) no contiene ninguna lista; la lista empieza vacía.</translation>
    </message>
    <message>
        <source>{count} entries of the list of libraries opened before ({path}) were damaged and left out; the others are kept.</source>
        <translation>{count} entradas de la lista de bibliotecas abiertas antes ({path}) estaban dañadas y se omitieron; las demás se conservan.</translation>
    </message>
</context>
<context>
    <name>LibraryMenu</name>
    <message>
        <source>Drop one folder or one .zip course pack to open it as the library.</source>
        <translation>Suelte una sola carpeta o un solo paquete de curso .zip para abrirlo como biblioteca.</translation>
    </message>
    <message>
        <source>Only a folder or .zip on this computer can be opened as a library.</source>
        <translation>Solo se puede abrir como biblioteca una carpeta o un .zip de este equipo.</translation>
    </message>
    <message>
        <source>{name} is not a folder or a .zip course pack, so it cannot be opened.</source>
        <translation>{name} no es una carpeta ni un paquete de curso .zip, así que no se puede abrir.</translation>
    </message>
    <message>
        <source>A copy of it is kept as {name}.</source>
        <translation>Se conserva una copia con el nombre {name}.</translation>
    </message>
    <message>
        <source>The list of libraries opened before cannot be saved in {path} ({reason}).</source>
        <translation>No se puede guardar la lista de bibliotecas abiertas antes en {path} ({reason}).</translation>
    </message>
    <message>
        <source>&amp;Open Library…</source>
        <translation>&amp;Abrir biblioteca…</translation>
    </message>
    <message>
        <source>Open a course pack (.zip) as the library</source>
        <translation>Abrir un paquete de curso (.zip) como biblioteca</translation>
    </message>
    <message>
        <source>Open Library &amp;Folder…</source>
        <translation>Abrir &amp;carpeta de biblioteca…</translation>
    </message>
    <message>
        <source>Open a folder of chapters as the library</source>
        <translation>Abrir una carpeta de capítulos como biblioteca</translation>
    </message>
    <message>
        <source>{title} (bundled)</source>
        <translation>{title} (incluida)</translation>
    </message>
    <message>
        <source>Bundled Chapters</source>
        <translation>Capítulos incluidos</translation>
    </message>
    <message>
        <source>&amp;Remove from List</source>
        <translation>&amp;Quitar de la lista</translation>
    </message>
    <message>
        <source>The chapters that come with Field Reader</source>
        <translation>Los capítulos que vienen con Field Reader</translation>
    </message>
    <message>
        <source>Not found at {path}. Plug its drive in, or remove it from the list.</source>
        <translation>No se encuentra en {path}. Conecte su unidad o quítela de la lista.</translation>
    </message>
    <message>
        <source> (unavailable)</source>
        <translation> (no disponible)</translation>
    </message>
    <message>
        <source>“{title}” was removed from the list of libraries.</source>
        <translation>«{title}» se quitó de la lista de bibliotecas.</translation>
    </message>
    <message>
        <source>Open Library</source>
        <translation>Abrir biblioteca</translation>
    </message>
    <message>
        <source>Course packs (*.zip);;All files (*)</source>
        <translation>Paquetes de curso (*.zip);;Todos los archivos (*)</translation>
    </message>
    <message>
        <source>Open Library Folder</source>
        <translation>Abrir carpeta de biblioteca</translation>
    </message>
    <message>
        <source>That library is already open.</source>
        <translation>Esa biblioteca ya está abierta.</translation>
    </message>
    <message>
        <source>The library open now stays open.</source>
        <translation>La biblioteca actual sigue abierta.</translation>
    </message>
</context>
<context>
    <name>LibraryStart</name>
    <message>
        <source>The library “{title}” is not at {path} any more (a drive unplugged?), so the bundled library is open. Choose another from the Library menu.</source>
        <translation>La biblioteca «{title}» ya no está en {path} (¿una unidad desconectada?), así que se abrió la biblioteca incluida. Elija otra en el menú Biblioteca.</translation>
    </message>
    <message>
        <source>The library “{title}” could not be opened again: {reason} The bundled library is open instead.</source>
        <translation>No se pudo volver a abrir la biblioteca «{title}»: {reason} En su lugar se abrió la biblioteca incluida.</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Link to a web page</source>
        <translation>Enlace a una página web</translation>
    </message>
    <message>
        <source>This link leads to a web page outside Field Reader. Field Reader works offline and never opens web pages by itself.</source>
        <translation>Este enlace lleva a una página web fuera de Field Reader. Field Reader funciona sin conexión y nunca abre páginas web por sí mismo.</translation>
    </message>
    <message>
        <source>Copy address</source>
        <translation>Copiar la dirección</translation>
    </message>
    <message>
        <source>Open in browser</source>
        <translation>Abrir en el navegador</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>Copiada</translation>
    </message>
</context>
<context>
    <name>Links</name>
    <message>
        <source>There is no chapter &quot;{slug}&quot; in this library.</source>
        <translation>No hay ningún capítulo «{slug}» en esta biblioteca.</translation>
    </message>
    <message>
        <source>E-mail links are not opened by Field Reader.</source>
        <translation>Field Reader no abre los enlaces de correo electrónico.</translation>
    </message>
    <message>
        <source>Links of the kind {scheme}: are not opened by Field Reader.</source>
        <translation>Field Reader no abre los enlaces del tipo {scheme}:.</translation>
    </message>
    <message>
        <source>This link has no scheme; Field Reader does not guess one.</source>
        <translation>Este enlace no tiene esquema (como https:); Field Reader no lo adivina.</translation>
    </message>
    <message>
        <source>This link does not lead anywhere.</source>
        <translation>Este enlace no lleva a ningún sitio.</translation>
    </message>
    <message>
        <source>This link points outside the course library and is not opened.</source>
        <translation>Este enlace apunta fuera de la biblioteca del curso y no se abre.</translation>
    </message>
    <message>
        <source>{path} is a folder of the course that Field Reader does not show.</source>
        <translation>{path} es una carpeta del curso que Field Reader no muestra.</translation>
    </message>
    <message>
        <source>{path} is a file of the course that Field Reader does not show.</source>
        <translation>{path} es un archivo del curso que Field Reader no muestra.</translation>
    </message>
    <message>
        <source>{path} is not in this copy of the course.</source>
        <translation>{path} no está en esta copia del curso.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>The chapter. F7 turns on the caret for selecting with the keyboard.</source>
        <translation>El capítulo. F7 activa el cursor para seleccionar con el teclado.</translation>
    </message>
    <message>
        <source>Chapter text</source>
        <translation>Texto del capítulo</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Barra lateral</translation>
    </message>
    <message>
        <source>Contents, Notes and Search; Ctrl+1, 2 and 3</source>
        <translation>Contenido, Notas y Buscar; Ctrl+1, 2 y 3</translation>
    </message>
    <message>
        <source>Sidebar tabs</source>
        <translation>Pestañas de la barra lateral</translation>
    </message>
    <message>
        <source>Contents</source>
        <translation>Contenido</translation>
    </message>
    <message>
        <source>Chapter and section</source>
        <translation>Capítulo y sección</translation>
    </message>
    <message>
        <source>Position in the chapter</source>
        <translation>Posición en el capítulo</translation>
    </message>
    <message>
        <source>%n problem(s) found in the library: see Help &gt; Library problems.</source>
        <translation>%n problema(s) encontrado(s) en la biblioteca: consulte Ayuda &gt; Problemas de la biblioteca.</translation>
    </message>
    <message>
        <source>Caret &amp;Browsing</source>
        <translation>&amp;Navegación con cursor</translation>
    </message>
    <message>
        <source>Move through the text with a caret; Shift+arrows select it for highlighting</source>
        <translation>Recorrer el texto con un cursor; Shift+flechas selecciona el texto para resaltarlo</translation>
    </message>
    <message>
        <source>Go to &amp;Search Results</source>
        <translation>Ir a los &amp;resultados de búsqueda</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the search results</source>
        <translation>Llevar el foco del teclado a los resultados de búsqueda</translation>
    </message>
    <message>
        <source>Reading toolbar</source>
        <translation>Barra de herramientas de lectura</translation>
    </message>
    <message>
        <source>Chapter changed</source>
        <translation>El capítulo ha cambiado</translation>
    </message>
    <message>
        <source>{error} It cannot be shown now; your notes on it are kept.</source>
        <translation>{error} Ahora no se puede mostrar; sus notas sobre él se conservan.</translation>
    </message>
    <message>
        <source>This link does not lead anywhere Field Reader can open.</source>
        <translation>Este enlace no lleva a ningún lugar que Field Reader pueda abrir.</translation>
    </message>
    <message>
        <source>Caret browsing on: arrows move the caret, Shift+arrows select, Ctrl+H highlights.</source>
        <translation>Navegación con cursor activada: las flechas mueven el cursor, Shift+flechas selecciona, Ctrl+H resalta.</translation>
    </message>
    <message>
        <source>Caret browsing off.</source>
        <translation>Navegación con cursor desactivada.</translation>
    </message>
    <message>
        <source>Search is not ready yet.</source>
        <translation>La búsqueda aún no está lista.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No chapters to show&lt;/h2&gt;&lt;p&gt;Field Reader found no readable chapter in &lt;code&gt;{folder}&lt;/code&gt;. Every &lt;code&gt;.md&lt;/code&gt; file in the folder and its subfolders is a chapter.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;No hay capítulos que mostrar&lt;/h2&gt;&lt;p&gt;Field Reader no encontró ningún capítulo legible en &lt;code&gt;{folder}&lt;/code&gt;. Cada archivo &lt;code&gt;.md&lt;/code&gt; de la carpeta y de sus subcarpetas es un capítulo.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;Problems found:&lt;/p&gt;&lt;ul&gt;{problems}&lt;/ul&gt;</source>
        <translation>&lt;p&gt;Problemas encontrados:&lt;/p&gt;&lt;ul&gt;{problems}&lt;/ul&gt;</translation>
    </message>
    <message>
        <source>Library problems</source>
        <translation>Problemas de la biblioteca</translation>
    </message>
    <message>
        <source>Every chapter file opened without a problem.</source>
        <translation>Todos los archivos de capítulo se abrieron sin problemas.</translation>
    </message>
    <message>
        <source>Some files of the library could not be opened; the others are shown.</source>
        <translation>Algunos archivos de la biblioteca no se pudieron abrir; se muestran los demás.</translation>
    </message>
</context>
<context>
    <name>ManageReaders</name>
    <message>
        <source>Manage Readers</source>
        <translation>Administrar lectores</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Lectores</translation>
    </message>
    <message>
        <source>&amp;Add…</source>
        <translation>&amp;Añadir…</translation>
    </message>
    <message>
        <source>&amp;Rename…</source>
        <translation>Cambiar &amp;nombre…</translation>
    </message>
    <message>
        <source>Re&amp;move…</source>
        <translation>&amp;Eliminar…</translation>
    </message>
    <message>
        <source>Readers keep their work apart; they do not protect it. Anyone using this computer&apos;s login can open any reader.</source>
        <translation>Los lectores mantienen separado el trabajo de cada uno; no lo protegen. Cualquier persona que use la sesión de este equipo puede abrir cualquier lector.</translation>
    </message>
    <message>
        <source>This is the reader open now: switch to another reader to remove it.</source>
        <translation>Es el lector abierto ahora: cambie a otro lector para eliminarlo.</translation>
    </message>
    <message>
        <source>The last reader cannot be removed.</source>
        <translation>El último lector no se puede eliminar.</translation>
    </message>
    <message>
        <source>Add Reader</source>
        <translation>Añadir lector</translation>
    </message>
    <message>
        <source>Rename Reader</source>
        <translation>Cambiar el nombre del lector</translation>
    </message>
    <message>
        <source>Remove Reader</source>
        <translation>Eliminar lector</translation>
    </message>
    <message>
        <source>Remove {name}? Their notes, settings and places are deleted from this computer. A backup zip of their files is kept in the data folder&apos;s backups.</source>
        <translation>¿Eliminar a {name}? Sus notas, ajustes y posiciones de lectura se borran de este equipo. Se conserva una copia de seguridad en zip de sus archivos en las copias de seguridad de la carpeta de datos.</translation>
    </message>
    <message>
        <source>Remove {name}</source>
        <translation>Eliminar a {name}</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Conservar</translation>
    </message>
    <message>
        <source>{name} is open in another window: close it there first.</source>
        <translation>El lector {name} está abierto en otra ventana: ciérrela primero.</translation>
    </message>
    <message>
        <source>Removed {name}. A backup of their files is kept in {backup}.</source>
        <translation>Lector {name} eliminado. Se conserva una copia de seguridad de sus archivos en {backup}.</translation>
    </message>
    <message>
        <source>{count} files could not be deleted, in {folder}.</source>
        <translation>No se pudieron eliminar {count} archivos, en {folder}.</translation>
    </message>
</context>
<context>
    <name>NameDialog</name>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Nombre:</translation>
    </message>
</context>
<context>
    <name>Navigation</name>
    <message>
        <source>&amp;Back</source>
        <translation>&amp;Atrás</translation>
    </message>
    <message>
        <source>Back to where you were before the last jump</source>
        <translation>Volver a donde estaba antes del último salto</translation>
    </message>
    <message>
        <source>&amp;Forward</source>
        <translation>A&amp;delante</translation>
    </message>
    <message>
        <source>Forward again, after going back</source>
        <translation>Avanzar de nuevo, después de volver atrás</translation>
    </message>
    <message>
        <source>That place is no longer in the library.</source>
        <translation>Ese lugar ya no está en la biblioteca.</translation>
    </message>
</context>
<context>
    <name>NoteDelegate</name>
    <message>
        <source>was: </source>
        <translation>antes: </translation>
    </message>
</context>
<context>
    <name>NoteDialog</name>
    <message>
        <source>Note</source>
        <translation>Nota</translation>
    </message>
    <message>
        <source>Write your note (plain text)…</source>
        <translation>Escriba su nota (texto sin formato)…</translation>
    </message>
    <message>
        <source>Ctrl+Enter saves. Notes are kept as plain text.</source>
        <translation>Ctrl+Enter guarda. Las notas se guardan como texto sin formato.</translation>
    </message>
</context>
<context>
    <name>NoteListing</name>
    <message>
        <source>Listing notes</source>
        <translation>Listado de notas</translation>
    </message>
</context>
<context>
    <name>NotesMenu</name>
    <message>
        <source>&amp;Highlight Selection</source>
        <translation>&amp;Resaltar la selección</translation>
    </message>
    <message>
        <source>Highlight the selected text in the last colour used</source>
        <translation>Resaltar el texto seleccionado con el último color usado</translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour</source>
        <translation>Resaltar en c&amp;olor</translation>
    </message>
    <message>
        <source>Highlight in &amp;Colour…</source>
        <translation>Resaltar en &amp;color…</translation>
    </message>
    <message>
        <source>Highlight the selected text in a colour of your choice (then 1 to 5)</source>
        <translation>Resaltar el texto seleccionado con el color que elija (después, de 1 a 5)</translation>
    </message>
    <message>
        <source>Highlight with &amp;Note…</source>
        <translation>Resaltar con &amp;nota…</translation>
    </message>
    <message>
        <source>Highlight the selected text and write a note on it</source>
        <translation>Resaltar el texto seleccionado y escribir una nota sobre él</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Deshacer</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>Re&amp;hacer</translation>
    </message>
    <message>
        <source>Show &amp;Notes Panel</source>
        <translation>Mostrar el &amp;panel Notas</translation>
    </message>
    <message>
        <source>Show your notes</source>
        <translation>Mostrar sus notas</translation>
    </message>
    <message>
        <source>Highlight</source>
        <translation>Resaltar</translation>
    </message>
</context>
<context>
    <name>NotesPanel</name>
    <message>
        <source>Not found in the current text</source>
        <translation>No se encuentra en el texto actual</translation>
    </message>
    <message>
        <source>Chapters not in this library</source>
        <translation>Capítulos que no están en esta biblioteca</translation>
    </message>
    <message>
        <source>Chapters changed since Field Reader started</source>
        <translation>Capítulos modificados desde que se inició Field Reader</translation>
    </message>
    <message>
        <source>Bookmarks</source>
        <translation>Marcadores</translation>
    </message>
    <message>
        <source>Highlight, {colour}, in {place}: {quote}</source>
        <translation>Resaltado en {colour}, en {place}: {quote}</translation>
    </message>
    <message>
        <source>Highlight in {place}: {quote}</source>
        <translation>Resaltado en {place}: {quote}</translation>
    </message>
    <message>
        <source> Note: {note}</source>
        <translation> Nota: {note}</translation>
    </message>
    <message>
        <source>This chapter</source>
        <translation>Este capítulo</translation>
    </message>
    <message>
        <source>All chapters</source>
        <translation>Todos los capítulos</translation>
    </message>
    <message>
        <source>Show notes of</source>
        <translation>Mostrar notas de</translation>
    </message>
    <message>
        <source>All colours</source>
        <translation>Todos los colores</translation>
    </message>
    <message>
        <source>Colour filter</source>
        <translation>Filtro de color</translation>
    </message>
    <message>
        <source>This chapter&apos;s notes, or every chapter&apos;s</source>
        <translation>Las notas de este capítulo o las de todos los capítulos</translation>
    </message>
    <message>
        <source>Show only highlights of one colour</source>
        <translation>Mostrar solo los resaltados de un color</translation>
    </message>
    <message>
        <source>Show notes of: choices</source>
        <translation>Mostrar notas de: opciones</translation>
    </message>
    <message>
        <source>Colour filter: choices</source>
        <translation>Filtro de color: opciones</translation>
    </message>
    <message>
        <source>Filter notes…</source>
        <translation>Filtrar notas…</translation>
    </message>
    <message>
        <source>Filter notes</source>
        <translation>Filtrar notas</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>Your highlights by chapter and section. Enter shows one in the text; the Menu key or Shift+F10 offers Edit Note, Change Colour, Copy Quote and Delete.</source>
        <translation>Sus resaltados por capítulo y sección. Enter muestra uno en el texto; la tecla Menu o Shift+F10 ofrece Editar nota, Cambiar el color, Copiar la cita y Eliminar.</translation>
    </message>
    <message>
        <source>No notes shown</source>
        <translation>No se muestra ninguna nota</translation>
    </message>
    <message>
        <source>Chapter: {title}</source>
        <translation>Capítulo: {title}</translation>
    </message>
    <message>
        <source>Section: {title}</source>
        <translation>Sección: {title}</translation>
    </message>
    <message>
        <source>was: “{earlier}”</source>
        <translation>antes: «{earlier}»</translation>
    </message>
    <message>
        <source>Note: {note}</source>
        <translation>Nota: {note}</translation>
    </message>
    <message>
        <source>This passage is not in the chapter&apos;s current text. The highlight is kept, and Field Reader looks for it again every time the chapter opens.</source>
        <translation>Este pasaje no está en el texto actual del capítulo. El resaltado se conserva, y Field Reader lo vuelve a buscar cada vez que se abre el capítulo.</translation>
    </message>
    <message>
        <source>This chapter&apos;s file changed after Field Reader started. The highlight is kept; start Field Reader again to see it in the new text.</source>
        <translation>El archivo de este capítulo cambió después de iniciarse Field Reader. El resaltado se conserva; vuelva a iniciar Field Reader para verlo en el texto nuevo.</translation>
    </message>
    <message>
        <source>Not found in the current text. </source>
        <translation>No se encuentra en el texto actual. </translation>
    </message>
    <message>
        <source>Its chapter is not in this library. </source>
        <translation>Su capítulo no está en esta biblioteca. </translation>
    </message>
    <message>
        <source>Its chapter changed since Field Reader started. </source>
        <translation>Su capítulo cambió desde que se inició Field Reader. </translation>
    </message>
    <message>
        <source>Changed {when}.</source>
        <translation>Última modificación: {when}.</translation>
    </message>
    <message>
        <source>No highlights yet. Select text in the chapter and press Ctrl+H (or right-click) to highlight it.</source>
        <translation>Aún no hay resaltados. Seleccione texto en el capítulo y pulse Ctrl+H (o haga clic con el botón derecho) para resaltarlo.</translation>
    </message>
    <message>
        <source>No notes match the filter.</source>
        <translation>Ninguna nota coincide con el filtro.</translation>
    </message>
</context>
<context>
    <name>NotesPanelLink</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
    <message>
        <source>&amp;Show in Text</source>
        <translation>&amp;Mostrar en el texto</translation>
    </message>
</context>
<context>
    <name>Pack</name>
    <message>
        <source>{path} does not exist. Check the name, or plug the drive in.</source>
        <translation>{path} no existe. Compruebe el nombre o conecte la unidad.</translation>
    </message>
    <message>
        <source>{path} is not a course pack: open a folder of Markdown chapters, or a .zip file of one.</source>
        <translation>{path} no es un paquete de curso: abra una carpeta de capítulos Markdown o el archivo .zip de una.</translation>
    </message>
    <message>
        <source>{path} holds no chapters: a course pack is a folder (or a .zip of a folder) of Markdown (.md) files.</source>
        <translation>{path} no contiene capítulos: un paquete de curso es una carpeta (o el .zip de una carpeta) de archivos Markdown (.md).</translation>
    </message>
    <message>
        <source>it could not be read, or is over 64 KB</source>
        <translation>no se pudo leer, o supera los 64 KB</translation>
    </message>
    <message>
        <source>it is not valid JSON</source>
        <translation>no es un JSON válido</translation>
    </message>
    <message>
        <source>it must hold one JSON object {...}</source>
        <translation>debe contener un único objeto JSON {...}</translation>
    </message>
    <message>
        <source>these fields are not valid and were ignored: {fields}</source>
        <translation>estos campos no son válidos y se ignoraron: {fields}</translation>
    </message>
    <message>
        <source>The pack&apos;s metadata file is not used as written: {reason}. See the format in the README (an id of letters, digits, &apos;.&apos;, &apos;_&apos; or &apos;-&apos;, up to 64 characters).</source>
        <translation>El archivo de metadatos del paquete no se usa tal como está escrito: {reason}. Consulte el formato en el README (un identificador de letras, cifras, &apos;.&apos;, &apos;_&apos; o &apos;-&apos;, de 64 caracteres como máximo).</translation>
    </message>
    <message>
        <source>it is damaged ({error})</source>
        <translation>está dañado ({error})</translation>
    </message>
    <message>
        <source>The course pack {name} cannot be opened: {why}. Nothing was unpacked or changed; ask its author for a new copy, or open another library.</source>
        <translation>No se puede abrir el paquete de curso {name}: {why}. No se descomprimió ni se modificó nada; pida una copia nueva a su autor o abra otra biblioteca.</translation>
    </message>
    <message>
        <source>it is not a zip file, or its end is missing (cut short?)</source>
        <translation>no es un archivo zip, o le falta el final (¿copia interrumpida?)</translation>
    </message>
    <message>
        <source>it holds {count} entries, more than the {limit} a course pack may have</source>
        <translation>contiene {count} entradas, más de las {limit} que puede tener un paquete de curso</translation>
    </message>
    <message>
        <source>its list of entries is damaged or absurdly large</source>
        <translation>su lista de entradas está dañada o es desmesurada</translation>
    </message>
    <message>
        <source>it holds an entry named &quot;{entry}&quot; that points outside the pack, as only a zip made to do harm does</source>
        <translation>contiene una entrada llamada «{entry}» que apunta fuera del paquete, algo que solo hace un zip creado para dañar</translation>
    </message>
    <message>
        <source>its files are protected by a password</source>
        <translation>sus archivos están protegidos con contraseña</translation>
    </message>
    <message>
        <source>it holds two entries named &quot;{entry}&quot;</source>
        <translation>contiene dos entradas llamadas «{entry}»</translation>
    </message>
    <message>
        <source>it would unpack to far more than it holds ({entry} declares {size}), as a zip bomb does</source>
        <translation>se descomprimiría en mucho más de lo que contiene ({entry} declara {size}), como una bomba zip</translation>
    </message>
</context>
<context>
    <name>Placeholder</name>
    <message>
        <source>Web picture: {label}</source>
        <translation>Imagen de la web: {label}</translation>
    </message>
</context>
<context>
    <name>PrintFeature</name>
    <message>
        <source>Not printed (highlights only)</source>
        <translation>No se imprimen (solo los resaltados)</translation>
    </message>
    <message>
        <source>As footnotes, at the end of each chapter</source>
        <translation>Como notas al pie, al final de cada capítulo</translation>
    </message>
    <message>
        <source>In an appendix, at the end</source>
        <translation>En un apéndice, al final</translation>
    </message>
    <message>
        <source>&amp;This chapter</source>
        <translation>&amp;Este capítulo</translation>
    </message>
    <message>
        <source>&amp;All chapters</source>
        <translation>&amp;Todos los capítulos</translation>
    </message>
    <message>
        <source>Print:</source>
        <translation>Imprimir:</translation>
    </message>
    <message>
        <source>&amp;Notes:</source>
        <translation>&amp;Notas:</translation>
    </message>
    <message>
        <source>&amp;Print…</source>
        <translation>Im&amp;primir…</translation>
    </message>
    <message>
        <source>Print this chapter or all chapters, with your highlights and notes</source>
        <translation>Imprimir este capítulo o todos los capítulos, con sus resaltados y notas</translation>
    </message>
    <message>
        <source>Save as P&amp;DF…</source>
        <translation>Guardar como P&amp;DF…</translation>
    </message>
    <message>
        <source>Save this chapter or all chapters as a PDF, with your highlights and notes</source>
        <translation>Guardar este capítulo o todos los capítulos como PDF, con sus resaltados y notas</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Guardar como PDF</translation>
    </message>
    <message>
        <source>Save…</source>
        <translation>Guardar…</translation>
    </message>
    <message>
        <source>Print</source>
        <translation>Imprimir</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Imprimir…</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>Documentos PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Nothing printed</source>
        <translation>No se imprimió nada</translation>
    </message>
    <message>
        <source>Your notes cannot be read. {message}</source>
        <translation>No se pueden leer sus notas. {message}</translation>
    </message>
    <message>
        <source>The chapters changed on disk since they were listed. Reopen the library and print again.</source>
        <translation>Los capítulos cambiaron en el disco después de listarse. Vuelva a abrir la biblioteca e imprima de nuevo.</translation>
    </message>
    <message>
        <source>Saving as PDF was cancelled; nothing was written.</source>
        <translation>Se canceló el guardado como PDF; no se escribió nada.</translation>
    </message>
    <message>
        <source>PDF not saved</source>
        <translation>No se guardó el PDF</translation>
    </message>
    <message>
        <source>{path} could not be written ({reason}).</source>
        <translation>No se pudo escribir {path} ({reason}).</translation>
    </message>
    <message>
        <source>Saving as PDF… page {done} of {total}</source>
        <translation>Guardando como PDF… página {done} de {total}</translation>
    </message>
    <message>
        <source>the chapters changed on disk since they were listed</source>
        <translation>los capítulos cambiaron en el disco después de listarse</translation>
    </message>
    <message>
        <source>Saving as PDF was stopped; nothing was written.</source>
        <translation>Se detuvo el guardado como PDF; no se escribió nada.</translation>
    </message>
    <message>
        <source>Printing was cancelled.</source>
        <translation>Se canceló la impresión.</translation>
    </message>
    <message>
        <source>Not printed</source>
        <translation>No se imprimió</translation>
    </message>
    <message>
        <source>The printer refused the pages ({error}).</source>
        <translation>La impresora rechazó las páginas ({error}).</translation>
    </message>
    <message>
        <source>Sent %n page(s) to print.</source>
        <translation>%n página(s) enviada(s) a imprimir.</translation>
    </message>
    <message>
        <source>Preparing the pages of {title}…</source>
        <translation>Preparando las páginas de {title}…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>Imprimiendo</translation>
    </message>
</context>
<context>
    <name>Printing</name>
    <message>
        <source>Notes</source>
        <translation>Notas</translation>
    </message>
</context>
<context>
    <name>ProfilePicker</name>
    <message>
        <source>{name} (reading now)</source>
        <translation>{name} (leyendo ahora)</translation>
    </message>
    <message>
        <source>Field Reader</source>
        <translation>Field Reader</translation>
    </message>
    <message>
        <source>Who is reading?</source>
        <translation>¿Quién lee?</translation>
    </message>
    <message>
        <source>Readers</source>
        <translation>Lectores</translation>
    </message>
    <message>
        <source>Each reader has their own notes, settings and places. Anyone using this computer&apos;s login can open any reader.</source>
        <translation>Cada lector tiene sus propias notas, ajustes y posiciones de lectura. Cualquier persona que use la sesión de este equipo puede abrir cualquier lector.</translation>
    </message>
    <message>
        <source>Add Reader…</source>
        <translation>Añadir lector…</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Abrir</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Salir</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancelar</translation>
    </message>
    <message>
        <source>Add Reader</source>
        <translation>Añadir lector</translation>
    </message>
</context>
<context>
    <name>Profiles</name>
    <message>
        <source>Added {name} ({folder}).</source>
        <translation>Lector añadido: {name} ({folder}).</translation>
    </message>
    <message>
        <source>Renamed to {name}.</source>
        <translation>Nuevo nombre: {name}.</translation>
    </message>
    <message>
        <source>(last used)</source>
        <translation>(el último usado)</translation>
    </message>
    <message>
        <source>removing {name} deletes their notes and settings from this computer (a backup zip is kept). Add --yes to remove them.</source>
        <translation>eliminar a {name} borra sus notas y ajustes de este equipo (se conserva una copia de seguridad en zip). Añada --yes para confirmar la eliminación.</translation>
    </message>
    <message>
        <source>{name} is open in a Field Reader window: close it first.</source>
        <translation>El lector {name} está abierto en una ventana de Field Reader: ciérrela primero.</translation>
    </message>
    <message>
        <source>Removed {name}; their files are kept in {backup}.</source>
        <translation>Lector {name} eliminado; sus archivos se conservan en {backup}.</translation>
    </message>
    <message>
        <source>{path} could not be deleted.</source>
        <translation>No se pudo eliminar {path}.</translation>
    </message>
    <message>
        <source>The backup of {name} could not be checked; nothing was removed.</source>
        <translation>No se pudo comprobar la copia de seguridad de {name}; no se eliminó nada.</translation>
    </message>
    <message>
        <source>First reader</source>
        <translation>Primer lector</translation>
    </message>
    <message>
        <source>A reader needs a name: type one.</source>
        <translation>Un lector necesita un nombre: escriba uno.</translation>
    </message>
    <message>
        <source>That name has {count} characters; use at most {limit}.</source>
        <translation>Ese nombre tiene {count} caracteres; use {limit} como máximo.</translation>
    </message>
    <message>
        <source>A name cannot hold control or unassigned characters.</source>
        <translation>Un nombre no puede contener caracteres de control ni caracteres sin asignar.</translation>
    </message>
    <message>
        <source>There is already a reader called {name}. Choose another name.</source>
        <translation>Ya hay un lector llamado {name}. Elija otro nombre.</translation>
    </message>
    <message>
        <source>The list of readers {path} cannot be read ({reason}); the readers found in their folders are shown instead.</source>
        <translation>No se puede leer la lista de lectores {path} ({reason}); en su lugar se muestran los lectores encontrados en sus carpetas.</translation>
    </message>
    <message>
        <source>The list of readers was damaged. It is kept as {kept}, and the list was made again from the readers&apos; folders: every reader&apos;s notes are still there, but names other than the first may need renaming.</source>
        <translation>La lista de lectores estaba dañada. Se conserva como {kept}, y la lista se ha vuelto a crear a partir de las carpetas de los lectores: las notas de cada lector siguen ahí, pero puede que haya que cambiar el nombre de los lectores, salvo el del primero.</translation>
    </message>
    <message>
        <source>There is no reader called {name}. The readers are: {names}. Add one with: field-reader profiles add NAME</source>
        <translation>No hay ningún lector llamado {name}. Los lectores son: {names}. Añada uno con: field-reader profiles add NAME</translation>
    </message>
    <message>
        <source>The reader {name} no longer exists.</source>
        <translation>El lector {name} ya no existe.</translation>
    </message>
    <message>
        <source>{name} is the only reader, and the last one cannot be removed.</source>
        <translation>{name} es el único lector, y el último no se puede eliminar.</translation>
    </message>
</context>
<context>
    <name>ProfilesFeature</name>
    <message>
        <source>S&amp;witch Reader…</source>
        <translation>&amp;Cambiar de lector…</translation>
    </message>
    <message>
        <source>Choose who is reading</source>
        <translation>Elegir quién lee</translation>
    </message>
    <message>
        <source>Manage &amp;Readers…</source>
        <translation>Administrar &amp;lectores…</translation>
    </message>
    <message>
        <source>Add, rename or remove the readers of this computer</source>
        <translation>Añadir, renombrar o eliminar los lectores de este equipo</translation>
    </message>
    <message>
        <source>Reader: {name}</source>
        <translation>Lector: {name}</translation>
    </message>
</context>
<context>
    <name>ReadingSettings</name>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Claro</translation>
    </message>
    <message>
        <source>S&amp;epia</source>
        <translation>&amp;Sepia</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Oscuro</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>Según el siste&amp;ma</translation>
    </message>
    <message>
        <source>&amp;Serif</source>
        <translation>&amp;Con serifa</translation>
    </message>
    <message>
        <source>S&amp;ans</source>
        <translation>&amp;Sin serifa</translation>
    </message>
    <message>
        <source>&amp;Compact</source>
        <translation>&amp;Compacto</translation>
    </message>
    <message>
        <source>&amp;Normal</source>
        <translation>&amp;Normal</translation>
    </message>
    <message>
        <source>&amp;Relaxed</source>
        <translation>&amp;Amplio</translation>
    </message>
    <message>
        <source>light</source>
        <translation>claro</translation>
    </message>
    <message>
        <source>sepia</source>
        <translation>sepia</translation>
    </message>
    <message>
        <source>dark</source>
        <translation>oscuro</translation>
    </message>
    <message>
        <source>Next &amp;Theme</source>
        <translation>Tema &amp;siguiente</translation>
    </message>
    <message>
        <source>Switch to the next theme: light, sepia, dark</source>
        <translation>Pasar al tema siguiente: claro, sepia, oscuro</translation>
    </message>
    <message>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <source>T&amp;heme</source>
        <translation>T&amp;ema</translation>
    </message>
    <message>
        <source>Text &amp;Face</source>
        <translation>Tipo de &amp;letra</translation>
    </message>
    <message>
        <source>Line S&amp;pacing</source>
        <translation>Interlinea&amp;do</translation>
    </message>
    <message>
        <source>Theme: {theme} (following the system). Next theme: light, sepia, dark ({keys})</source>
        <translation>Tema: {theme} (según el sistema). Tema siguiente: claro, sepia, oscuro ({keys})</translation>
    </message>
    <message>
        <source>Theme: {theme}. Next theme: light, sepia, dark ({keys})</source>
        <translation>Tema: {theme}. Tema siguiente: claro, sepia, oscuro ({keys})</translation>
    </message>
</context>
<context>
    <name>SearchFeature</name>
    <message>
        <source>Search</source>
        <translation>Buscar</translation>
    </message>
    <message>
        <source>&amp;Search All Chapters…</source>
        <translation>&amp;Buscar en todos los capítulos…</translation>
    </message>
    <message>
        <source>Search every chapter and your notes</source>
        <translation>Buscar en todos los capítulos y en sus notas</translation>
    </message>
    <message>
        <source>&amp;Find in Chapter…</source>
        <translation>Buscar en el &amp;capítulo…</translation>
    </message>
    <message>
        <source>Find words in this chapter</source>
        <translation>Buscar palabras en este capítulo</translation>
    </message>
    <message>
        <source>Find &amp;Next</source>
        <translation>Buscar &amp;siguiente</translation>
    </message>
    <message>
        <source>The next match in this chapter</source>
        <translation>La coincidencia siguiente en este capítulo</translation>
    </message>
    <message>
        <source>Find &amp;Previous</source>
        <translation>Buscar &amp;anterior</translation>
    </message>
    <message>
        <source>The previous match in this chapter</source>
        <translation>La coincidencia anterior en este capítulo</translation>
    </message>
    <message>
        <source>Still indexing: results from {done} of {total} chapters.</source>
        <translation>Indexación en curso: resultados de {done} de {total} capítulos.</translation>
    </message>
    <message>
        <source>Indexing chapters: {done} of {total}</source>
        <translation>Indexando capítulos: {done} de {total}</translation>
    </message>
    <message>
        <source>That chapter is no longer in the library.</source>
        <translation>Ese capítulo ya no está en la biblioteca.</translation>
    </message>
    <message>
        <source>Notes could not be indexed: {error}</source>
        <translation>No se pudieron indexar las notas: {error}</translation>
    </message>
    <message>
        <source>Indexing stopped early: some chapters may be missing.</source>
        <translation>La indexación se detuvo antes de terminar: puede que falten algunos capítulos.</translation>
    </message>
    <message>
        <source>Search could not index the chapters: {message}</source>
        <translation>La búsqueda no pudo indexar los capítulos: {message}</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>NOTE</source>
        <translation>NOTA</translation>
    </message>
    <message>
        <source>Search chapters and notes</source>
        <translation>Buscar en capítulos y notas</translation>
    </message>
    <message>
        <source>Type words; Up and Down choose a result, Enter opens it; Ctrl+3 goes to the results</source>
        <translation>Escriba palabras; Up y Down eligen un resultado, Enter lo abre; Ctrl+3 lleva a los resultados</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Resultados de búsqueda</translation>
    </message>
    <message>
        <source>Up and Down choose a result; Enter opens it</source>
        <translation>Up y Down eligen un resultado; Enter lo abre</translation>
    </message>
    <message>
        <source>Note in {where}: {snippet}</source>
        <translation>Nota en {where}: {snippet}</translation>
    </message>
    <message>
        <source>{where}: {snippet}</source>
        <translation>{where}: {snippet}</translation>
    </message>
    <message>
        <source>Result {number} of {total}</source>
        <translation>Resultado {number} de {total}</translation>
    </message>
    <message>
        <source>No results.</source>
        <translation>No hay resultados.</translation>
    </message>
    <message>
        <source>%n result(s).</source>
        <translation>%n resultado(s).</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Abrir</translation>
    </message>
    <message>
        <source>&amp;Copy Text</source>
        <translation>&amp;Copiar el texto</translation>
    </message>
</context>
<context>
    <name>ShortcutsWindow</name>
    <message>
        <source>Window</source>
        <translation>Ventana</translation>
    </message>
    <message>
        <source>Key of {where}</source>
        <translation>Tecla de {where}</translation>
    </message>
    <message>
        <source>Window key</source>
        <translation>Tecla de la ventana</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts — Field Reader</source>
        <translation>Atajos de teclado — Field Reader</translation>
    </message>
    <message>
        <source>Keyboard Shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Every command of Field Reader that has keys, by menu</source>
        <translation>Todos los comandos de Field Reader que tienen teclas, por menú</translation>
    </message>
    <message>
        <source>Filter shortcuts</source>
        <translation>Filtrar atajos</translation>
    </message>
    <message>
        <source>Type words to keep only the commands or keys that contain them</source>
        <translation>Escriba palabras para ver solo los comandos o las teclas que las contienen</translation>
    </message>
    <message>
        <source>Command</source>
        <translation>Comando</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Teclas</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Atajos de teclado</translation>
    </message>
    <message>
        <source>Commands grouped by menu, each with its keys</source>
        <translation>Comandos agrupados por menú, cada uno con sus teclas</translation>
    </message>
    <message>
        <source>No matching shortcut</source>
        <translation>Ningún atajo coincide</translation>
    </message>
    <message>
        <source>No command or key matches “{text}”.</source>
        <translation>Ningún comando ni tecla coincide con «{text}».</translation>
    </message>
</context>
<context>
    <name>SingleInstance</name>
    <message>
        <source>There is no chapter {slug} in this library.</source>
        <translation>No hay ningún capítulo {slug} en esta biblioteca.</translation>
    </message>
</context>
<context>
    <name>StorageErrors</name>
    <message>
        <source>Your notes are shown read-only because the folder {folder} cannot be written to; changes cannot be saved. They can still be read, searched and exported.</source>
        <translation>Sus notas se muestran en modo de solo lectura porque no se puede escribir en la carpeta {folder}; los cambios no se pueden guardar. Aun así, se pueden leer, buscar y exportar.</translation>
    </message>
    <message>
        <source>The disk holding the notes database {path} is full, so your notes are shown read-only; changes cannot be saved until some space is freed. Nothing was lost.</source>
        <translation>El disco que contiene la base de datos de notas {path} está lleno, así que sus notas se muestran en modo de solo lectura; los cambios no se podrán guardar hasta que se libere espacio. No se ha perdido nada.</translation>
    </message>
    <message>
        <source>The disk holding the notes database {path} is full. Your last change was not saved; your earlier notes are safe. Free some space and try again.</source>
        <translation>El disco que contiene la base de datos de notas {path} está lleno. Su último cambio no se guardó; sus notas anteriores están a salvo. Libere espacio e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>Your last change was not saved. </source>
        <translation>Su último cambio no se guardó. </translation>
    </message>
    <message>
        <source>The notes database {path} is in use by another program (perhaps another Field Reader window) and stayed locked for too long. {unsaved}Close the other program and try again.</source>
        <translation>Otro programa (quizá otra ventana de Field Reader) está usando la base de datos de notas {path}, y ha permanecido bloqueada demasiado tiempo. {unsaved}Cierre el otro programa e inténtelo de nuevo.</translation>
    </message>
    <message>
        <source>The notes database {path} cannot be written to: the file or its folder is read-only. Your last change was not saved. Check the permissions of the file and its folder, or move it to a writable place.</source>
        <translation>No se puede escribir en la base de datos de notas {path}: el archivo o su carpeta son de solo lectura. Su último cambio no se guardó. Compruebe los permisos del archivo y de su carpeta, o muévalo a un lugar donde se pueda escribir.</translation>
    </message>
    <message>
        <source>The notes database {path} is damaged or is not a database. It has been left exactly as it is. Field Reader recovers what it can when the window opens, or run &apos;field-reader recover&apos;: the damaged file is kept, renamed, beside the new one, and the newest backup fills the gaps.</source>
        <translation>La base de datos de notas {path} está dañada o no es una base de datos. Se ha dejado exactamente como estaba. Field Reader recupera lo que puede al abrir la ventana; también puede ejecutar &apos;field-reader recover&apos;: el archivo dañado se conserva, con otro nombre, junto al nuevo, y la copia de seguridad más reciente completa lo que falte.</translation>
    </message>
    <message>
        <source>The file {path} is a database, but not a Field Reader notes database. It has not been changed. Move it away or choose another location for your notes.</source>
        <translation>El archivo {path} es una base de datos, pero no una base de datos de notas de Field Reader. No se ha modificado. Muévalo a otro lugar o elija otra ubicación para sus notas.</translation>
    </message>
    <message>
        <source>The notes database {path} could not be opened. Check that its folder exists, that you may write to it, and that the disk is connected.</source>
        <translation>No se pudo abrir la base de datos de notas {path}. Compruebe que su carpeta existe, que tiene permiso para escribir en ella y que el disco está conectado.</translation>
    </message>
    <message>
        <source>Your last change may not have been saved. </source>
        <translation>Puede que su último cambio no se haya guardado. </translation>
    </message>
    <message>
        <source>The disk reported an error while reading or writing the notes database {path}. {unsaved}Check the disk and try again.</source>
        <translation>El disco informó de un error al leer o escribir la base de datos de notas {path}. {unsaved}Compruebe el disco e inténtelo de nuevo.</translation>
    </message>
</context>
<context>
    <name>SyncFolder</name>
    <message>
        <source>The sync folder {folder} is not available.</source>
        <translation>La carpeta de sincronización {folder} no está disponible.</translation>
    </message>
    <message>
        <source>Notes were not synced: {error}</source>
        <translation>No se sincronizaron las notas: {error}</translation>
    </message>
    <message>
        <source>Syncing notes</source>
        <translation>Sincronización de notas</translation>
    </message>
    <message>
        <source>Some notes were not synced</source>
        <translation>Algunas notas no se sincronizaron</translation>
    </message>
    <message>
        <source>These files in the sync folder were left out; nothing was imported from them:</source>
        <translation>Se omitieron estos archivos de la carpeta de sincronización; no se importó nada de ellos:</translation>
    </message>
    <message>
        <source>Notes synced (%n change(s) from other computers).</source>
        <translation>Notas sincronizadas (%n cambio(s) de otros equipos).</translation>
    </message>
    <message>
        <source>Writing notes to the sync folder</source>
        <translation>Escritura de notas en la carpeta de sincronización</translation>
    </message>
</context>
<context>
    <name>Tasks</name>
    <message>
        <source>The disk reported a problem: {reason}{where}.</source>
        <translation>El disco informó de un problema: {reason}{where}.</translation>
    </message>
    <message>
        <source>Field Reader hit an internal error ({kind}: {error}); nothing was half-saved: each change is written whole or not at all.</source>
        <translation>Field Reader encontró un error interno ({kind}: {error}); no quedó nada guardado a medias: cada cambio se escribe entero o no se escribe.</translation>
    </message>
    <message>
        <source>{label} failed</source>
        <translation>{label}: error</translation>
    </message>
</context>
<context>
    <name>Viewer</name>
    <message>
        <source>Figure not available in this copy of the course.</source>
        <translation>Figura no disponible en esta copia del curso.</translation>
    </message>
    <message>
        <source>A picture on the web: Field Reader works offline.</source>
        <translation>Una imagen de la web: Field Reader funciona sin conexión.</translation>
    </message>
    <message>
        <source>Not shown: its path points outside the library.</source>
        <translation>No se muestra: su ruta apunta fuera de la biblioteca.</translation>
    </message>
</context>
<context>
    <name>WindowMenus</name>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Archivo</translation>
    </message>
    <message>
        <source>&amp;Library</source>
        <translation>Bib&amp;lioteca</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ver</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>&amp;Ir</translation>
    </message>
    <message>
        <source>&amp;Notes</source>
        <translation>&amp;Notas</translation>
    </message>
    <message>
        <source>&amp;Search</source>
        <translation>&amp;Buscar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>A&amp;yuda</translation>
    </message>
    <message>
        <source>Reading</source>
        <translation>Lectura</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Salir</translation>
    </message>
    <message>
        <source>Show &amp;Sidebar</source>
        <translation>Mostrar la &amp;barra lateral</translation>
    </message>
    <message>
        <source>Show or hide the sidebar</source>
        <translation>Mostrar u ocultar la barra lateral</translation>
    </message>
    <message>
        <source>Go to &amp;Contents</source>
        <translation>Ir al &amp;Contenido</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the Contents</source>
        <translation>Llevar el foco del teclado al Contenido</translation>
    </message>
    <message>
        <source>Go to &amp;Text</source>
        <translation>Ir al &amp;texto</translation>
    </message>
    <message>
        <source>Move the keyboard focus to the chapter text</source>
        <translation>Llevar el foco del teclado al texto del capítulo</translation>
    </message>
    <message>
        <source>&amp;Larger Text</source>
        <translation>Texto más &amp;grande</translation>
    </message>
    <message>
        <source>Larger text</source>
        <translation>Texto más grande</translation>
    </message>
    <message>
        <source>S&amp;maller Text</source>
        <translation>Texto más &amp;pequeño</translation>
    </message>
    <message>
        <source>Smaller text</source>
        <translation>Texto más pequeño</translation>
    </message>
    <message>
        <source>&amp;Previous Chapter</source>
        <translation>Capítulo a&amp;nterior</translation>
    </message>
    <message>
        <source>Open the previous chapter</source>
        <translation>Abrir el capítulo anterior</translation>
    </message>
    <message>
        <source>&amp;Next Chapter</source>
        <translation>Capítulo &amp;siguiente</translation>
    </message>
    <message>
        <source>Open the next chapter</source>
        <translation>Abrir el capítulo siguiente</translation>
    </message>
    <message>
        <source>Library &amp;Problems</source>
        <translation>&amp;Problemas de la biblioteca</translation>
    </message>
    <message>
        <source>Sidebar</source>
        <translation>Barra lateral</translation>
    </message>
</context>
</TS>
