<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR" sourcelanguage="en">
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
</TS>
